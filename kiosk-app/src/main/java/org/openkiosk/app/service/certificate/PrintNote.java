package org.openkiosk.app.service.certificate;

import java.time.Instant;
import java.util.Optional;

/**
 * The kiosk's own note of one certificate print it sent (ADR 0165), from its {@code print_submission} table.
 *
 * @param outcome PRINTED, FAILED or UNKNOWN; empty while the printer's answer was never recorded (a crash mid-print)
 * @param applied whether the store's print row has taken the outcome
 */
record PrintNote(String number, String type, String holderKey, String holderMasked, String issuedNumber,
                 String jobName, Instant submittedAt, Optional<String> outcome, String detail,
                 Optional<String> digest, boolean applied) {
}
