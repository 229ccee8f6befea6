package org.openkiosk.app.session;

/** How the citizen proved who they are. */
public enum IdentificationMethod {
    /** A resident ID card (or permit) placed on the reader. */
    ID_CARD,
    /** The ID card placed on the reader and the live face verified against it (人证核验). */
    ID_CARD_AND_FACE,
    /** An appointment slip's QR code under the scanner. */
    QR_CODE,
    /** The ID number typed on the on-screen keypad. */
    TYPED_NUMBER
}
