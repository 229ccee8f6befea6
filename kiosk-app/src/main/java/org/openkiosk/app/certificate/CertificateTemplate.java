package org.openkiosk.app.certificate;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One certificate type's A4 layout, from {@code config/certificates/TYPE.yaml}.
 *
 * @param type          id used in commands and in the QR payload, e.g. {@code no-criminal-record}
 * @param code          short prefix for certificate numbers, e.g. {@code NCR}
 * @param title         e.g. 无犯罪记录证明
 * @param fields        extra placeholders the caller must supply (besides name, idNumber, issueDate, number)
 * @param body          paragraphs with {placeholders}
 * @param issuingOffice printed above the date, under the seal
 * @param footer        small print at the bottom of the page
 * @param seal          the office's seal
 */
public record CertificateTemplate(String type, String code, String title, List<String> fields, List<String> body,
                                  String issuingOffice, String footer, SealSpec seal) {

    /** Placeholders every template may use without declaring them. */
    public static final Set<String> BUILT_IN = Set.of("name", "idNumber", "issueDate", "number");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

    public CertificateTemplate {
        Objects.requireNonNull(type, "type");
        if (!type.matches("[a-z][a-z0-9-]{1,40}")) {
            throw new IllegalArgumentException("certificate type \"" + type + "\" must be lower-case letters, digits and -");
        }
        requireText(title, type, "title");
        requireText(issuingOffice, type, "issuingOffice");
        fields = List.copyOf(fields == null ? List.of() : fields);
        body = List.copyOf(body == null ? List.of() : body);
        if (body.isEmpty()) {
            throw new IllegalArgumentException("certificate template " + type + " has no body");
        }
        code = code == null || code.isBlank() ? type.toUpperCase() : code;
        footer = footer == null ? "" : footer;
        seal = seal == null ? new SealSpec(issuingOffice, "", null) : seal;
        Set<String> unknown = new TreeSet<>();
        for (String paragraph : body) {
            Matcher m = PLACEHOLDER.matcher(paragraph);
            while (m.find()) {
                if (!BUILT_IN.contains(m.group(1)) && !fields.contains(m.group(1))) {
                    unknown.add(m.group(1));
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("certificate template " + type + " uses undeclared placeholders " + unknown
                    + " (declare them under fields:)");
        }
    }

    private static void requireText(String value, String type, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("certificate template " + type + " needs " + key + ":");
        }
    }
}
