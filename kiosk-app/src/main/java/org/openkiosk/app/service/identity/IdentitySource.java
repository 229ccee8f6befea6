package org.openkiosk.app.service.identity;

/** How the citizen identified. */
public enum IdentitySource {
    CARD,
    /** The card read and the live face matched with it (人证核验). */
    CARD_AND_FACE,
    APPOINTMENT_QR,
    TYPED_NUMBER;

    /** Whether this proof came from the card in the reader (not from something anyone could type or copy). */
    public boolean isCard() {
        return this == CARD || this == CARD_AND_FACE;
    }
}
