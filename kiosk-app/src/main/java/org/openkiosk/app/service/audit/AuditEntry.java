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

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace(";", "\\;").replace("=", "\\=");
    }
}
