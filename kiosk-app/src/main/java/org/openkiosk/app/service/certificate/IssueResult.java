package org.openkiosk.app.service.certificate;

import org.openkiosk.app.service.port.PrintOutcome;

/**
 * One issue attempt, as recorded.
 *
 * @param certificateNumber the number given to this attempt (a failed attempt keeps its number, unused)
 * @param outcome           printed, or failed with the reason
 * @param remaining         prints left after this attempt
 */
public record IssueResult(String certificateNumber, PrintOutcome outcome, int remaining) {}
