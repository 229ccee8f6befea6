package org.openkiosk.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.openkiosk.app.certificate.CertificateTemplates;
import org.openkiosk.app.certificate.SigningConfig;
import java.nio.file.Files;
import java.util.Optional;
import org.openkiosk.app.config.ConfigDirectory;
import org.openkiosk.app.config.ConfigException;
import org.openkiosk.app.config.ConfigLoader;
import org.openkiosk.app.config.DeviceConfig;
import org.openkiosk.app.config.DriverCatalog;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.service.catalogue.CatalogueLoader;
import org.openkiosk.app.runtime.KioskConfiguration;
import org.openkiosk.app.service.catalogue.ServiceCatalogue;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kiosk config validate [DIR]}: every problem of a configuration directory, or a short summary. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a configuration directory without starting the kiosk: kiosk.yaml, services.yaml and "
                + "certificates/*.yaml, each file and the references between them.",
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
            KioskConfiguration configuration;
            try {
                configuration = KioskConfiguration.load(configDir);
            } catch (ConfigException e) {
                e.problems().forEach(out::println);
                int n = e.problems().size();
                boolean onlyKioskYaml = e.problems().stream().allMatch(p -> p.file().equals(ConfigLoader.KIOSK_FILE));
                out.println("configuration INVALID: " + n + (n == 1 ? " problem in " : " problems in ")
                        + (onlyKioskYaml ? file : configDir));
                return ExitCodes.BAD_CONFIGURATION;
            }
            printSummary(out, configuration.kiosk(), file);
            printCatalogue(out, configuration);
            printSigning(out, configDir);
            return ExitCodes.OK;
        } finally {
            out.flush();
        }
    }

    private static void printSigning(PrintWriter out, Path configDir) {
        if (!Files.exists(configDir.resolve(SigningConfig.FILE_NAME))) {
            out.println("  " + SigningConfig.FILE_NAME + " absent: this kiosk prints no certificates");
            return;
        }
        try {
            SigningConfig signing = SigningConfig.load(configDir);
            String how = signing.signing().describe();
            out.println("  " + SigningConfig.FILE_NAME + ": " + how);
            if (!signing.authoritySigned() && signing.signer().isDemoKey()) {
                out.println("  WARNING: the signing key is the published DEMO key: certificates are printed in demo mode"
                        + " only; generate this kiosk's own key (./kiosk certificate keygen) before going live");
            }
        } catch (java.io.IOException | RuntimeException e) {
            out.println("  " + SigningConfig.FILE_NAME + ": " + e.getMessage());
        }
    }

    private static void printCatalogue(PrintWriter out, KioskConfiguration configuration) {
        ServiceCatalogue catalogue = configuration.catalogue();
        out.println("  " + (!configuration.builtInCatalogue() ? CatalogueLoader.FILE_NAME
                : CatalogueLoader.FILE_NAME + " absent: the built-in catalogue (the kiosk writes it there at start)")
                + ": " + catalogue.services().size() + " services (" + catalogue.bookableServices().size()
                + " bookable), " + catalogue.certificates().size() + " certificate types, platform "
                + catalogue.platform().type());
        out.println("  " + CertificateTemplates.DIRECTORY + "/: " + configuration.templates().types().size()
                + " templates " + configuration.templates().types());
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
