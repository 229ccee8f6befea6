package org.openkiosk.app.service.audit;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One event to audit. Never put a full ID number or name here: use the masked forms.
 *
 * @param action  what happened
 * @param subject what it happened to, e.g. {@code booking:K7D2M9QX}
 * @param details further facts; sorted by key so that the record's hash input is canonical
 */
public record AuditEntry(AuditAction action, String subject, Map<String, String> details) {

    public AuditEntry {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        details = new TreeMap<>(details);
    }

    /** The details as {@code key=value;key=value}, in key order, with ';' '=' '\' escaped. */
    public String detailsText() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : details.entrySet()) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(escape(e.getKey())).append('=').append(escape(String.valueOf(e.getValue())));
        }
        return sb.toString();
    }

    /** Reads {@link #detailsText()} back into its pairs. */
    public static Map<String, String> parseDetails(String text) {
        Map<String, String> pairs = new TreeMap<>();
        StringBuilder key = new StringBuilder();
        StringBuilder value = new StringBuilder();
        StringBuilder current = key;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                current.append(text.charAt(++i));
            } else if (c == '=' && current == key) {
                current = value;
            } else if (c == ';') {
                pairs.put(key.toString(), value.toString());
                key.setLength(0);
                value.setLength(0);
                current = key;
            } else {
                current.append(c);
            }
        }
        if (key.length() > 0 || current == value) {
            pairs.put(key.toString(), value.toString());
        }
        return pairs;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace(";", "\\;").replace("=", "\\=");
    }
}
