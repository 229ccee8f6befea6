package org.openkiosk.app.service.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.openkiosk.app.config.ConfigFile;
import org.openkiosk.app.config.ConfigProblem;
import org.openkiosk.app.config.Problems;
import org.openkiosk.app.config.Section;

/**
 * Reads {@code services.yaml} strictly, through the same located validation as {@code kiosk.yaml}: unknown keys,
 * wrong types and out-of-range values are all reported at once, each with its line, path and a hint, so a typo
 * never silently becomes a default.
 */
public final class CatalogueLoader {

    /** The file name inside the configuration directory. */
    public static final String FILE_NAME = "services.yaml";
    /** The catalogue shipped with the program, used when the configuration directory has none. */
    public static final String DEFAULT_RESOURCE = "/org/openkiosk/app/service/catalogue/services-default.yaml";
    /** How problems of the shipped catalogue are named. */
    public static final String DEFAULT_NAME = "built-in " + FILE_NAME;

    private static final String NOT_A_MAPPING =
            "services.yaml must be a mapping of sections (zone:, checkIn:, services:, certificates:, platform:)";

    private final Function<String, Optional<String>> certificateTypeProblem;
    private final InstallationFacts installation;

    public CatalogueLoader() {
        this(type -> Optional.empty());
    }

    /**
     * @param certificateTypeProblem for each certificate type of the catalogue, what is wrong with it elsewhere in
     *                               the configuration directory (e.g. "no template certificates/x.yaml"), if anything
     */
    public CatalogueLoader(Function<String, Optional<String>> certificateTypeProblem) {
        this(certificateTypeProblem, InstallationFacts.unchecked());
    }

    /** @param installation what kiosk.yaml says (demo or test installation, face verifier), for checks across files */
    public CatalogueLoader(Function<String, Optional<String>> certificateTypeProblem,
                           InstallationFacts installation) {
        this.certificateTypeProblem = certificateTypeProblem;
        this.installation = installation;
    }

    /** {@code configDir/services.yaml} when present, otherwise the shipped default. */
    public ServiceCatalogue loadFromConfigDir(Path configDir) throws CatalogueException {
        Path file = configDir.resolve(FILE_NAME);
        return Files.exists(file) ? load(file) : loadDefault();
    }

    public ServiceCatalogue load(Path file) throws CatalogueException {
        Problems problems = new Problems(file.getFileName().toString());
        Optional<Section> root = ConfigFile.read(file, problems, NOT_A_MAPPING);
        return bind(root, problems);
    }

    public ServiceCatalogue loadDefault() throws CatalogueException {
        Problems problems = new Problems(DEFAULT_NAME);
        try (InputStream in = CatalogueLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new CatalogueException(List.of(new ConfigProblem(DEFAULT_NAME, 0, "",
                        "missing from the program", "reinstall the kiosk")));
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_NAME);
        } catch (IOException e) {
            throw new CatalogueException(List.of(new ConfigProblem(DEFAULT_NAME, 0, "", "cannot read: " + e, "")));
        }
    }

    /** Validates {@code services.yaml} text; {@code fileName} is the name shown in problems. */
    public ServiceCatalogue parse(String text, String fileName) throws CatalogueException {
        Problems problems = new Problems(fileName);
        return bind(ConfigFile.parse(text, problems, NOT_A_MAPPING), problems);
    }

    private ServiceCatalogue bind(Optional<Section> root, Problems problems) throws CatalogueException {
        ServiceCatalogue catalogue = root.map(r -> new CatalogueBinder(problems, certificateTypeProblem, installation).bind(r))
                .orElse(null);
        if (catalogue == null || !problems.isEmpty()) {
            if (problems.isEmpty()) {
                problems.add(0, "", "the file is empty", "copy the shipped services.yaml and edit it");
            }
            throw new CatalogueException(problems.sorted());
        }
        return catalogue;
    }
}
