package org.openkiosk.app.service.certificate;

import java.util.List;

/**
 * What one reconciliation of certificate prints found (ADR 0165).
 *
 * @param printed   attempts the printer's history showed completed: now PRINTED (they count against the limit)
 * @param failed    attempts that never came out (cancelled, aborted, or never sent): now FAILED
 * @param unknown   attempts whose outcome cannot be known, each with its cause: they stay counted, staff decide
 * @param waiting   attempts left for a later reconciliation (the printer or the store did not answer), with why
 */
public record PrintReconciliation(int printed, int failed, List<String> unknown, List<String> waiting) {

    public PrintReconciliation {
        unknown = List.copyOf(unknown);
        waiting = List.copyOf(waiting);
    }

    public boolean nothingFound() {
        return printed == 0 && failed == 0 && unknown.isEmpty() && waiting.isEmpty();
    }
}
