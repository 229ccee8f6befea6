package org.openkiosk.app.certificate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every certificate template of a kiosk, read from {@code config/certificates/*.yaml}. */
public final class CertificateTemplates {

    public static final String DIRECTORY = "certificates";

    private final Map<String, CertificateTemplate> byType;

    public CertificateTemplates(Map<String, CertificateTemplate> byType) {
        this.byType = Map.copyOf(byType);
    }

    /** Loads {@code configDirectory/certificates/*.yaml}; a bad template fails with its file name and cause. */
    public static CertificateTemplates load(Path configDirectory) throws IOException {
        Path dir = configDirectory.resolve(DIRECTORY);
        if (!Files.isDirectory(dir)) {
            throw new IOException("no certificate templates: " + dir + " does not exist");
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, CertificateTemplate> templates = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                CertificateTemplate template;
                try {
                    template = parse(yaml.readTree(file.toFile()), configDirectory);
                } catch (IOException | IllegalArgumentException e) {
                    throw new IOException("bad certificate template " + file + ": " + e.getMessage(), e);
                }
                if (templates.put(template.type(), template) != null) {
                    throw new IOException("certificate type " + template.type() + " is defined twice (" + file + ")");
                }
            }
        }
        if (templates.isEmpty()) {
            throw new IOException("no certificate templates (*.yaml) in " + dir);
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

    private static CertificateTemplate parse(JsonNode root, Path configDirectory) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("expected a mapping with type:, title:, body: …");
        }
        JsonNode seal = root.path("seal");
        SealSpec sealSpec = seal.isMissingNode() ? null : new SealSpec(
                text(seal, "text", text(root, "issuingOffice", "")),
                text(seal, "centerText", ""),
                seal.hasNonNull("image") ? configDirectory.resolve(seal.get("image").asText()) : null);
        return new CertificateTemplate(text(root, "type", null), text(root, "code", null), text(root, "title", null),
                strings(root.path("fields")), strings(root.path("body")), text(root, "issuingOffice", null),
                text(root, "footer", ""), sealSpec);
    }

    private static String text(JsonNode node, String key, String fallback) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? fallback : value.asText();
    }

    private static List<String> strings(JsonNode node) {
        List<String> list = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> list.add(n.asText()));
        } else if (node.isTextual()) {
            list.add(node.asText());
        }
        return list;
    }
}
