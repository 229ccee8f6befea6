package org.openkiosk.app.ui.flow;

import org.openkiosk.app.service.port.PrintOutcome;

/**
 * Which message a citizen screen shows for a slip it printed: "printed" only when the printer confirmed it; "sent"
 * (take it from the slot, and what to do if nothing came out) when the model cannot confirm jobs (ADR 0131, 0136);
 * otherwise "not printed", with the way on without it.
 */
public final class PrintWords {

    private PrintWords() {}

    public static String key(PrintOutcome outcome, String printedKey, String sentKey, String failedKey) {
        if (!outcome.printed()) {
            return failedKey;
        }
        return outcome.confirmed() ? printedKey : sentKey;
    }
}
