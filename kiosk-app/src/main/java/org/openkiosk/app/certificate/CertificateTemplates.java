package org.openkiosk.app.certificate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.openkiosk.app.config.ConfigException;
import org.openkiosk.app.config.ConfigFile;
import org.openkiosk.app.config.ConfigProblem;
import org.openkiosk.app.config.Problems;

/** Every certificate template of a kiosk, read from {@code config/certificates/*.yaml}. */
public final class CertificateTemplates {

    public static final String DIRECTORY = "certificates";

    private static final String NOT_A_MAPPING =
            "a certificate template must be a mapping (type:, title:, fields:, body:, issuingOffice:, footer:, seal:)";

    private final Map<String, CertificateTemplate> byType;

    public CertificateTemplates(Map<String, CertificateTemplate> byType) {
        this.byType = Map.copyOf(byType);
    }

    /**
     * Loads {@code configDirectory/certificates/*.yaml}; a missing directory, no template or any problem fails
     * with every problem (file:line field: message) in the message.
     */
    public static CertificateTemplates load(Path configDirectory) throws IOException {
        CertificateTemplates templates;
        try {
            templates = read(configDirectory);
        } catch (ConfigException e) {
            throw new IOException("bad certificate templates: " + e.getMessage(), e);
        }
        if (templates.byType.isEmpty()) {
            throw new IOException("no certificate templates (*.yaml) in " + configDirectory.resolve(DIRECTORY));
        }
        return templates;
    }

    /**
     * Reads and validates every {@code configDirectory/certificates/*.yaml} through the located configuration
     * validation, reporting the problems of all files at once. A missing directory reads as no templates (the
     * service catalogue's check says which certificate types then lack one).
     */
    public static CertificateTemplates read(Path configDirectory) throws ConfigException {
        Path dir = configDirectory.resolve(DIRECTORY);
        Map<String, CertificateTemplate> templates = new TreeMap<>();
        List<ConfigProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return new CertificateTemplates(templates);
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new ConfigException(List.of(new ConfigProblem(DIRECTORY + "/", 0, "", "cannot list " + dir + ": " + e,
                    "check its permissions")));
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.endsWith(".yml")) {
                problems.add(new ConfigProblem(DIRECTORY + "/" + name, 0, "", "not read: templates end in .yaml",
                        "rename it to " + name.substring(0, name.length() - 4) + ".yaml"));
                continue;
            }
            if (!name.endsWith(".yaml")) {
                continue;
            }
            Problems fileProblems = new Problems(DIRECTORY + "/" + name);
            String type = name.substring(0, name.length() - ".yaml".length());
            CertificateTemplate template = ConfigFile.read(file, fileProblems, NOT_A_MAPPING)
                    .map(root -> new CertificateTemplateBinder(fileProblems, configDirectory).bind(root, type))
                    .orElse(null);
            problems.addAll(fileProblems.sorted());
            if (template != null) {
                templates.put(template.type(), template);
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new CertificateTemplates(templates);
    }

    public Optional<CertificateTemplate> find(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    public CertificateTemplate get(String type) {
        return find(type).orElseThrow(() -> new IllegalArgumentException(
                "unknown certificate type \"" + type + "\" (known: " + String.join(", ", types()) + ")"));
    }

    public List<String> types() {
        return new ArrayList<>(new TreeMap<>(byType).keySet());
    }
}
