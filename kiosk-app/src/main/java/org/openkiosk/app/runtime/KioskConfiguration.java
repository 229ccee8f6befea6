package org.openkiosk.app.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.openkiosk.app.certificate.CertificateTemplates;
import org.openkiosk.app.certificate.SigningConfig;
import org.openkiosk.app.config.ConfigException;
import org.openkiosk.app.config.ConfigLoader;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.service.catalogue.InstallationFacts;
import org.openkiosk.app.service.catalogue.CatalogueException;
import org.openkiosk.app.service.catalogue.CatalogueLoader;
import org.openkiosk.app.service.catalogue.ServiceCatalogue;

/**
 * Every file of a configuration directory, validated together: {@code kiosk.yaml}, {@code services.yaml} (or the
 * built-in catalogue when absent), {@code certificates/*.yaml} and {@code certificate-signing.yaml}, with the checks across files (each certificate
 * type of the catalogue has its template). Either all are valid, or one {@link ConfigException} lists every
 * problem of every file, each with file, line, field and hint (ADR 0130). The kiosk starts only from a valid
 * whole: a broken template no longer leaves it running with certificates silently disabled.
 *
 * @param kiosk            {@code kiosk.yaml}
 * @param catalogue        {@code services.yaml}, or the built-in catalogue
 * @param builtInCatalogue whether {@code services.yaml} was absent and the built-in catalogue was used
 * @param templates        the certificate templates (possibly none, when the catalogue offers no certificate)
 */
public record KioskConfiguration(KioskConfig kiosk, ServiceCatalogue catalogue, boolean builtInCatalogue,
                                 CertificateTemplates templates) {

    /** Reads and validates the whole directory. Blocks (file I/O): never on the JavaFX thread. */
    public static KioskConfiguration load(Path configDir) throws ConfigException {
        return load(configDir, false);
    }

    /**
     * @param demo {@code ./kiosk demo}: the service platform may then be reached over plain http:// (otherwise only
     *             with {@code kiosk.testInstallation: true})
     */
    public static KioskConfiguration load(Path configDir, boolean demo) throws ConfigException {
        List<org.openkiosk.app.config.ConfigProblem> problems = new ArrayList<>();
        KioskConfig kiosk = null;
        try {
            kiosk = ConfigLoader.load(configDir);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        CertificateTemplates templates = null;
        try {
            templates = CertificateTemplates.read(configDir);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        boolean builtIn = !Files.exists(configDir.resolve(CatalogueLoader.FILE_NAME));
        ServiceCatalogue catalogue = null;
        try {
            InstallationFacts installation = kiosk == null ? InstallationFacts.unchecked()
                    : new InstallationFacts(demo || kiosk.kiosk().testInstallation(),
                    kiosk.devices().containsKey(KioskConfig.FACE_VERIFIER));
            catalogue = new CatalogueLoader(templateProblem(configDir, templates), installation)
                    .loadFromConfigDir(configDir);
        } catch (CatalogueException e) {
            problems.addAll(e.located());
        }
        if (Files.exists(configDir.resolve(SigningConfig.FILE_NAME))) {
            // the published demo key is allowed here; outside demo mode the runtime refuses to sign with it (ADR 0058)
            problems.addAll(SigningConfig.validate(configDir, Optional.ofNullable(kiosk).map(k -> k.kiosk().id()), true,
                    System::getenv));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new KioskConfiguration(kiosk, catalogue, builtIn, templates);
    }

    /** A catalogue's certificate type needs a template; a template file with problems is reported in its own file. */
    private static Function<String, Optional<String>> templateProblem(Path configDir, CertificateTemplates templates) {
        return type -> {
            Path file = configDir.resolve(CertificateTemplates.DIRECTORY).resolve(type + ".yaml");
            if (templates != null ? templates.find(type).isPresent() : Files.exists(file)) {
                return Optional.empty();
            }
            return Optional.of("no certificate template " + CertificateTemplates.DIRECTORY + "/" + type + ".yaml");
        };
    }
}
