package org.openkiosk.app.maintenance;

/** What an interactive check found: passed or not, and a technician-readable text (never personal data). */
public record CheckOutcome(boolean passed, String text) {

    public static CheckOutcome passed(String text) {
        return new CheckOutcome(true, text);
    }

    public static CheckOutcome failed(String text) {
        return new CheckOutcome(false, text);
    }

    @Override
    public String toString() {
        return (passed ? "OK: " : "FAILED: ") + text;
    }
}
