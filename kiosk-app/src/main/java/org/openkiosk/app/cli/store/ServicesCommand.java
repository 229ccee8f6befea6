package org.openkiosk.app.cli.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.openkiosk.app.cli.ExitCodes;
import org.openkiosk.app.service.catalogue.CatalogueException;
import org.openkiosk.app.service.catalogue.CatalogueLoader;
import org.openkiosk.app.service.catalogue.ServiceCatalogue;
import org.openkiosk.app.service.catalogue.ServiceDefinition;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kiosk services validate}: check {@code services.yaml} (services, slot rules, reprint limits). */
@Command(name = "services", mixinStandardHelpOptions = true,
        description = "The service catalogue (config/services.yaml).",
        subcommands = {ServicesCommand.Validate.class})
public final class ServicesCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check services.yaml strictly; exit 2 listing every problem.")
    static final class Validate implements Callable<Integer> {

        @Option(names = "--config", paramLabel = "DIR",
                description = "configuration directory (default: $KIOSK_CONFIG, else <kiosk home>/config)")
        String configDir;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Path dir = StoreOptions.resolve(configDir, "KIOSK_CONFIG", "config");
            Path file = dir.resolve(CatalogueLoader.FILE_NAME);
            try {
                ServiceCatalogue catalogue = new CatalogueLoader().loadFromConfigDir(dir);
                String source = Files.exists(file) ? file.toString() : "built-in default (no " + file + ")";
                spec.commandLine().getOut().printf("%s: valid — %d services (%d bookable), %d certificate types,"
                                + " platform %s%n", source, catalogue.services().size(),
                        catalogue.bookableServices().size(), catalogue.certificates().size(),
                        catalogue.platform().type());
                for (ServiceDefinition s : catalogue.services()) {
                    spec.commandLine().getOut().printf("  %-14s %s  tickets %s…  %s%n", s.code(), s.titleZh(),
                            s.ticketPrefix(), s.bookable() ? s.appointment().capacityPerSlot() + " per "
                                    + s.appointment().slotMinutes() + "-min slot" : "walk-in only");
                }
                return ExitCodes.OK;
            } catch (CatalogueException e) {
                spec.commandLine().getErr().println("services.yaml is invalid:");
                e.problems().forEach(p -> spec.commandLine().getErr().println("  - " + p));
                return ExitCodes.BAD_CONFIGURATION;
            }
        }
    }
}
