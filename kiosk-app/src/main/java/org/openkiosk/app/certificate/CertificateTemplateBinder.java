package org.openkiosk.app.certificate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import org.openkiosk.app.config.Problems;
import org.openkiosk.app.config.Section;

/**
 * Binds one located {@code certificates/TYPE.yaml} tree to a {@link CertificateTemplate}, collecting every
 * problem with its line: unknown keys, missing texts, a type that differs from the file name, placeholders
 * that are not fields, a seal image that does not exist. Returns {@code null} when there was any problem.
 */
final class CertificateTemplateBinder {

    private final Problems problems;
    private final Path configDirectory;

    CertificateTemplateBinder(Problems problems, Path configDirectory) {
        this.problems = problems;
        this.configDirectory = configDirectory;
    }

    CertificateTemplate bind(Section root, String expectedType) {
        String type = root.requiredText("type", expectedType);
        if (type != null && !type.matches("[a-z][a-z0-9-]{1,40}")) {
            root.problem("type", "\"" + type + "\" is not a certificate type",
                    "lower-case letters, digits and -, e.g. no-criminal-record");
            type = null;
        } else if (type != null && !type.equals(expectedType)) {
            root.problem("type", "type \"" + type + "\" in a file named " + expectedType + ".yaml",
                    "name the file " + type + ".yaml, or write type: " + expectedType);
            type = null;
        }
        String code = root.optionalText("code", null);
        if (code != null && !code.matches("[A-Z0-9]{1,8}")) {
            root.problem("code", "\"" + code + "\" is not a certificate code", "1-8 capital letters or digits, e.g. NCR");
            code = null;
        }
        String title = nonBlank(root, "title", "无犯罪记录证明");
        List<String> fields = fields(root);
        List<String> body = body(root, fields);
        String office = nonBlank(root, "issuingOffice", "示例市公安局示例分局");
        String footer = root.optionalText("footer", "");
        SealSpec seal = root.entry("seal").isPresent() ? seal(root.section("seal", false), office) : null;
        root.rejectUnknownKeys();
        if (!problems.isEmpty()) {
            return null;
        }
        try {
            return new CertificateTemplate(type, code, title, fields, body, office, footer, seal);
        } catch (IllegalArgumentException e) {
            problems.add(root.line(), "", e.getMessage(), ""); // a rule of the record not checked above
            return null;
        }
    }

    private static String nonBlank(Section s, String key, String example) {
        String value = s.requiredText(key, example);
        if (value != null && value.isBlank()) {
            s.problem(key, "must not be empty", "e.g. " + key + ": " + example);
            return null;
        }
        return value;
    }

    private static List<String> fields(Section root) {
        Set<String> fields = new LinkedHashSet<>();
        for (Section.Item item : root.texts("fields")) {
            String field = item.text().strip();
            if (!field.matches("[A-Za-z][A-Za-z0-9_]*")) {
                root.problems().add(item.line(), item.path(), "\"" + field + "\" is not a field name",
                        "letters, digits and _, starting with a letter, e.g. address");
            } else if (CertificateTemplate.BUILT_IN.contains(field)) {
                root.problems().add(item.line(), item.path(), "\"" + field + "\" is always available",
                        "remove it from fields: (" + String.join(", ", new TreeSet<>(CertificateTemplate.BUILT_IN))
                                + " need no declaration)");
            } else if (!fields.add(field)) {
                root.problems().add(item.line(), item.path(), "field \"" + field + "\" is listed twice", "keep one");
            }
        }
        return new ArrayList<>(fields);
    }

    /** The paragraphs; each {placeholder} must be a built-in one or a declared field. */
    private static List<String> body(Section root, List<String> fields) {
        List<Section.Item> items = root.texts("body");
        if (items.isEmpty()) {
            root.missing("body", "list the paragraphs, e.g. body: [\"兹证明{name}……\"]");
        }
        List<String> body = new ArrayList<>();
        for (Section.Item item : items) {
            Matcher m = CertificateTemplate.PLACEHOLDER.matcher(item.text());
            while (m.find()) {
                String name = m.group(1);
                if (!CertificateTemplate.BUILT_IN.contains(name) && !fields.contains(name)) {
                    root.problems().add(item.line(), item.path(), "{" + name + "} is not a field of this template",
                            "declare it under fields:, or use one of "
                                    + String.join(", ", new TreeSet<>(CertificateTemplate.BUILT_IN))
                                    + (fields.isEmpty() ? "" : ", " + String.join(", ", fields)));
                }
            }
            body.add(item.text());
        }
        return body;
    }

    private SealSpec seal(Section s, String office) {
        String text = s.optionalText("text", office);
        String centerText = s.optionalText("centerText", "");
        String image = s.optionalText("image", null);
        Path imagePath = null;
        if (image != null) {
            imagePath = configDirectory.resolve(image.strip()).normalize();
            if (!Files.isRegularFile(imagePath)) {
                s.problem("image", "seal image " + imagePath + " does not exist",
                        "a PNG path relative to the configuration directory, e.g. seals/office.png");
            }
        }
        s.rejectUnknownKeys();
        return new SealSpec(text, centerText, imagePath);
    }
}
