package org.openkiosk.app.doctor;

import java.util.List;

/**
 * The outcome of one doctor check.
 *
 * @param label    what was checked, e.g. {@code configuration}
 * @param required whether the kiosk cannot run when it fails (otherwise informational)
 * @param passed   whether it passed
 * @param detail   one line of facts (versions, paths, counts) or the reason it failed
 * @param notes    further lines, e.g. every configuration problem
 */
public record CheckResult(String label, boolean required, boolean passed, String detail, List<String> notes) {

    public CheckResult {
        notes = List.copyOf(notes);
    }

    static CheckResult pass(String label, boolean required, String detail) {
        return new CheckResult(label, required, true, detail, List.of());
    }

    static CheckResult fail(String label, boolean required, String detail) {
        return new CheckResult(label, required, false, detail, List.of());
    }

    /** A required check that failed: the kiosk must not start. */
    public boolean blocking() {
        return required && !passed;
    }
}
