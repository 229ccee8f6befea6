package org.openkiosk.device.face;

/** What a comparison of a live face with the reference photo found; no score or template is kept. */
public enum FaceMatch {
    /** Same person, above the configured threshold. */
    MATCH,
    /** A face, but not the card holder's (or below the threshold). */
    NO_MATCH,
    /** No usable face in the frame (nobody in front of the camera, turned away, too dark). */
    NO_FACE,
    /** A face, but not a live one (a photo or a screen held up, by the matcher's liveness check): look again. */
    NOT_LIVE
}
