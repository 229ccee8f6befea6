package org.openkiosk.app.cli.maintenance;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.openkiosk.app.cli.DirectoryOptions;
import org.openkiosk.app.cli.ExitCodes;
import org.openkiosk.app.config.ConfigException;
import org.openkiosk.app.config.ConfigLoader;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.maintenance.DiagnosticsBundle;
import org.openkiosk.app.runtime.DeviceInventory;
import org.openkiosk.app.runtime.AuditTrailSetup;
import org.openkiosk.app.service.audit.AuditLog;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.Stores;
import org.openkiosk.device.HealthCheckLevel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kiosk diagnostics export}: the diagnostics bundle for support, from a shell. */
@Command(name = "diagnostics", mixinStandardHelpOptions = true,
        description = "Diagnostics for support.",
        subcommands = {DiagnosticsCommand.Export.class})
public final class DiagnosticsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write a zip with versions, doctor checks, devices, the configuration without secrets, "
                    + "the last log lines (masked) and the audit chain check. Nothing personal.",
                    "Default file: DATA/diagnostics/diagnostics-<kiosk id>-<time>.zip."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:written (its path on stdout)", "1:could not be written", "2:bad usage"})
    static final class Export implements Callable<Integer> {

        @Mixin
        DirectoryOptions dirs;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the zip here instead.")
        Path out;

        @Option(names = "--log-lines", paramLabel = "N", defaultValue = "" + DiagnosticsBundle.DEFAULT_LOG_LINES,
                description = "How many of the last kiosk.log lines (default: ${DEFAULT-VALUE}).")
        int logLines;

        @Option(names = "--inspect-devices",
                description = "Open each configured device (as kiosk devices does) for its state; stop the kiosk first.")
        boolean inspectDevices;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (logLines < 0) {
                spec.commandLine().getErr().println("diagnostics export: --log-lines must not be negative");
                return ExitCodes.BAD_CONFIGURATION;
            }
            Path configDir = dirs.configDirectory();
            Path dataDir = dirs.dataDirectory();
            Optional<KioskConfig> config;
            try {
                config = Optional.of(ConfigLoader.load(configDir));
            } catch (ConfigException e) {
                config = Optional.empty(); // the bundle still says what is wrong (doctor.txt)
            }
            DiagnosticsBundle bundle = new DiagnosticsBundle(configDir, dataDir, Clock.systemDefaultZone())
                    .logLines(logLines);
            config.ifPresent(c -> bundle.kioskId(c.kiosk().id())
                    .deviceReport(() -> devices(c))
                    .auditCheck(() -> {
                        if (Stores.EMBEDDED.equals(c.store().type()) && c.store().url() == null
                                && !java.nio.file.Files.exists(dataDir.resolve(Stores.EMBEDDED_FILE + ".mv.db"))) {
                            // do not create an empty store just to check it
                            throw new IllegalStateException("no embedded store under " + dataDir + " yet");
                        }
                        // an embedded store held by the running kiosk is refused ("in use"): export from the screen then
                        AuditTrailSetup audit = AuditTrailSetup.existing(c.audit(), dataDir, false, System::getenv);
                        try (Store store = Stores.open(c.store(), dataDir)) {
                            return new AuditLog(store, Clock.systemUTC(), c.kiosk().id(), audit.key(),
                                    Optional.of(audit.headFile())).verify();
                        }
                    }));
            try {
                Path written = bundle.export(Optional.ofNullable(out));
                spec.commandLine().getOut().println(written);
                return ExitCodes.OK;
            } catch (java.io.IOException | RuntimeException e) {
                spec.commandLine().getErr().println("diagnostics export: cannot write the bundle: " + e.getMessage());
                return ExitCodes.FAILURE;
            }
        }

        private String devices(KioskConfig config) {
            StringBuilder sb = new StringBuilder();
            if (!inspectDevices) {
                sb.append("configured devices (not opened; the running kiosk's maintenance screen exports live state "
                        + "and statistics, or use --inspect-devices with the kiosk stopped):\n");
                config.devices().forEach((name, d) -> sb.append("  ").append(name).append(": driver ").append(d.driver())
                        .append(", uri ").append(d.uri()).append(d.required() ? ", required" : ", optional").append('\n'));
                return sb.toString();
            }
            DeviceInventory.Report report = DeviceInventory.inspect(config.devices(), HealthCheckLevel.INTERNAL);
            for (DeviceInventory.Entry e : report.devices()) {
                sb.append(e.name()).append(" (").append(e.deviceClass()).append(") ").append(e.driver()).append(" ")
                        .append(e.uri()).append(": ").append(e.state()).append(", ").append(e.health()).append(" — ")
                        .append(e.text()).append('\n');
            }
            sb.append("serial ports:\n");
            List<DeviceInventory.Port> ports = report.serialPorts();
            ports.forEach(p -> sb.append("  ").append(p.path()).append(" — ").append(p.name()).append('\n'));
            report.serialPortError().ifPresent(err -> sb.append("  ").append(err).append('\n'));
            return sb.toString();
        }
    }
}
