package org.openkiosk.device;

/** What a particular device model can do; the UI and services ask before relying on a feature. */
public enum Capability {
    CAN_CUT,
    REPORTS_PAPER_NEAR_END,
    REPORTS_COVER_OPEN,
    PRINTS_QR_CODE,
    PRINTS_RASTER_IMAGE,
    READS_PHOTO,
    READS_FINGERPRINT,
    READS_FOREIGNER_CARDS,
    DECODES_IMAGES,
    DUPLEX,
    FEEDER,
    COMPARES_FACES
}
