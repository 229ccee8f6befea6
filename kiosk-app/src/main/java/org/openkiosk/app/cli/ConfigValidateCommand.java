package org.openkiosk.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.openkiosk.app.config.ConfigDirectory;
import org.openkiosk.app.config.ConfigException;
import org.openkiosk.app.config.ConfigLoader;
import org.openkiosk.app.config.ConfigProblem;
import org.openkiosk.app.config.DeviceConfig;
import org.openkiosk.app.config.DriverCatalog;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.service.catalogue.CatalogueException;
import org.openkiosk.app.service.catalogue.CatalogueLoader;
import org.openkiosk.app.service.catalogue.ServiceCatalogue;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kiosk config validate [DIR]}: every problem of a configuration directory, or a short summary. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a configuration directory without starting the kiosk: kiosk.yaml and services.yaml.",
                "Prints every problem (file:line field: message (hint)) one per line and exits with 2, "
                        + "or a summary and exits with 0."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the configuration is valid", "2:the configuration has problems (all are listed)"})
public final class ConfigValidateCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "Configuration directory (default: global --config, $KIOSK_CONFIG, <kiosk home>/config).")
    Path dir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Path configDir = dir != null ? dir.toAbsolutePath().normalize()
                : ConfigDirectory.resolve(DirectoryOptions.global(spec).map(g -> g.configDir).orElse(null));
        PrintWriter out = spec.commandLine().getOut();
        Path file = configDir.resolve(ConfigLoader.KIOSK_FILE);
        try {
            List<String> problems = new ArrayList<>();
            KioskConfig config = null;
            try {
                config = ConfigLoader.load(configDir);
            } catch (ConfigException e) {
                e.problems().forEach(p -> problems.add(p.toString()));
            }
            Optional<ServiceCatalogue> catalogue = Optional.empty();
            List<String> serviceProblems = new ArrayList<>();
            try {
                catalogue = Optional.of(new CatalogueLoader().loadFromConfigDir(configDir));
            } catch (CatalogueException e) {
                e.problems().forEach(p -> serviceProblems.add(CatalogueLoader.FILE_NAME + ": " + p));
            }
            problems.addAll(serviceProblems);
            if (problems.isEmpty()) {
                printSummary(out, config, file);
                printCatalogue(out, catalogue.orElseThrow(), configDir);
                return ExitCodes.OK;
            }
            problems.forEach(out::println);
            int n = problems.size();
            out.println("configuration INVALID: " + n + (n == 1 ? " problem in " : " problems in ")
                    + (serviceProblems.isEmpty() ? file : configDir));
            return ExitCodes.BAD_CONFIGURATION;
        } finally {
            out.flush();
        }
    }

    private static void printCatalogue(PrintWriter out, ServiceCatalogue catalogue, Path configDir) {
        Path services = configDir.resolve(CatalogueLoader.FILE_NAME);
        out.println("  " + (Files.exists(services) ? CatalogueLoader.FILE_NAME
                : CatalogueLoader.FILE_NAME + " absent: the built-in catalogue (the kiosk writes it there at start)")
                + ": " + catalogue.services().size() + " services (" + catalogue.bookableServices().size()
                + " bookable), " + catalogue.certificates().size() + " certificate types, platform "
                + catalogue.platform().type());
    }

    private static void printSummary(PrintWriter out, KioskConfig config, Path file) {
        int n = config.devices().size();
        out.println("configuration OK: " + n + (n == 1 ? " device" : " devices") + ", store " + config.store().type()
                + ", kiosk " + config.kiosk().id() + " in hall " + config.kiosk().hallId() + " — " + file);
        for (String name : DriverCatalog.logicalNames()) {
            DeviceConfig d = config.devices().get(name);
            if (d != null) {
                out.printf("  %-16s %-15s %-40s %s%n", name, d.driver(), d.uri(), d.required() ? "required" : "optional");
            }
        }
    }
}
