package org.openkiosk.app.config;

/**
 * One thing wrong with the configuration, precise enough for a technician to fix it without reading code.
 *
 * @param file      the file's name within the configuration directory, e.g. {@code kiosk.yaml}
 * @param line      1-based line number, or 0 when the problem concerns the file as a whole
 * @param fieldPath dotted path of the field, e.g. {@code devices.receiptPrinter.driver}; empty for the file
 * @param message   what is wrong, e.g. {@code unknown driver "escpos2"}
 * @param hint      how to fix it, e.g. {@code known: escpos, sim}; empty when there is nothing to add
 */
public record ConfigProblem(String file, int line, String fieldPath, String message, String hint) {

    public ConfigProblem {
        fieldPath = fieldPath == null ? "" : fieldPath;
        hint = hint == null ? "" : hint;
    }

    /** {@code kiosk.yaml:14 devices.receiptPrinter.driver: unknown driver "escpos2" (known: escpos, sim)} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(' ');
        if (!fieldPath.isEmpty()) {
            sb.append(fieldPath).append(": ");
        }
        sb.append(message);
        if (!hint.isEmpty()) {
            sb.append(" (").append(hint).append(')');
        }
        return sb.toString();
    }
}
