package org.openkiosk.app.cli;

import java.nio.file.Path;
import org.openkiosk.app.config.ConfigDirectory;
import org.openkiosk.app.config.DataDirectory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --config DIR} and {@code --data DIR} for a sub-command ({@code @Mixin DirectoryOptions dirs;}). A value
 * given to the sub-command wins over the global one ({@code kiosk --config DIR doctor}), which wins over the
 * environment ({@code KIOSK_CONFIG}, {@code KIOSK_DATA}) and the defaults ({@code ${kiosk.home}/config}, {@code /data}).
 */
public final class DirectoryOptions {

    @Option(names = "--config", paramLabel = "DIR",
            description = "Configuration directory (default: $KIOSK_CONFIG, else <kiosk home>/config).")
    String configDir;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data directory for logs and the embedded store (default: $KIOSK_DATA, else <kiosk home>/data).")
    String dataDir;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    public Path configDirectory() {
        return ConfigDirectory.resolve(configDir != null ? configDir : global(mixee).map(g -> g.configDir).orElse(null));
    }

    public Path dataDirectory() {
        return DataDirectory.resolve(dataDir != null ? dataDir : global(mixee).map(g -> g.dataDir).orElse(null));
    }

    /** The configuration directory for a command in another package: its own option, else the global one … */
    public static Path configDirectory(CommandSpec command, String option) {
        return ConfigDirectory.resolve(option != null ? option : global(command).map(g -> g.configDir).orElse(null));
    }

    /** The data directory for a command in another package: its own option, else the global one … */
    public static Path dataDirectory(CommandSpec command, String option) {
        return DataDirectory.resolve(option != null ? option : global(command).map(g -> g.dataDir).orElse(null));
    }

    /** The top-level command's options, found by walking up from any sub-command. */
    static java.util.Optional<KioskCommand> global(CommandSpec spec) {
        for (CommandSpec s = spec; s != null; s = s.parent()) {
            if (s.userObject() instanceof KioskCommand kiosk) {
                return java.util.Optional.of(kiosk);
            }
        }
        return java.util.Optional.empty();
    }
}
