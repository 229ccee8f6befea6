package org.openkiosk.app.service.identity;

/** The outcome of comparing a live face with the card photo; nothing else about the comparison is kept. */
public enum FaceVerificationOutcome {
    /** The face matches the card photo. */
    MATCH,
    /** The face does not match. */
    NO_MATCH,
    /** The frame failed the liveness check (a photo or a screen held up, ADR 0118): not compared. */
    NOT_LIVE,
    /** No comparison was possible (no face found, camera fault, the citizen declined). */
    NOT_POSSIBLE
}
