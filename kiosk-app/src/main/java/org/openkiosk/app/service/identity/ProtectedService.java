package org.openkiosk.app.service.identity;

import static org.openkiosk.app.service.identity.AssuranceLevel.CARD;
import static org.openkiosk.app.service.identity.AssuranceLevel.NONE;
import static org.openkiosk.app.service.identity.AssuranceLevel.SLIP;
import static org.openkiosk.app.service.identity.AssuranceLevel.TYPED_NUMBER;

/**
 * The services whose least {@link AssuranceLevel} {@code services.yaml} states under {@code assurance:}
 * (certificate types state theirs on their own entry). {@link #configKey()} is the key there.
 */
public enum ProtectedService {
    /** Public service guides. */
    GUIDES("guides", TYPED_NUMBER, TYPED_NUMBER),
    /** A walk-in queue ticket: no personal data. */
    WALK_IN_TICKET("walkInTicket", TYPED_NUMBER, TYPED_NUMBER),
    /** Check-in of an appointment the identified citizen (or the scanned slip) holds. */
    CHECK_IN("checkIn", TYPED_NUMBER, TYPED_NUMBER),
    /** Application progress: shows personal data. */
    PROGRESS("progress", CARD, CARD),
    /** The list of my appointments: shows personal data. */
    MY_APPOINTMENTS("myAppointments", CARD, CARD),
    /** The list of my printable certificates: shows personal data. */
    MY_CERTIFICATES("myCertificates", CARD, CARD),
    /** Booking an appointment in the citizen's name. */
    BOOKING("booking", CARD, CARD),
    /** Cancelling or moving one appointment: a slip may prove that one booking. */
    CANCEL("cancel", CARD, SLIP),
    /**
     * Checking a printed certificate (证明核验): shows only what the certificate's own code carries (the holder
     * masked), so anyone holding the paper may check it; none needed by default.
     */
    CERTIFICATE_CHECK("certificateCheck", NONE, NONE);

    private final String configKey;
    private final AssuranceLevel safeDefault;
    private final AssuranceLevel weakestAllowed;

    ProtectedService(String configKey, AssuranceLevel safeDefault, AssuranceLevel weakestAllowed) {
        this.configKey = configKey;
        this.safeDefault = safeDefault;
        this.weakestAllowed = weakestAllowed;
    }

    public String configKey() {
        return configKey;
    }

    /** The level used when {@code services.yaml} does not state one. */
    public AssuranceLevel safeDefault() {
        return safeDefault;
    }

    /**
     * The weakest level {@code services.yaml} may set: a typed number only where nothing personal is shown or
     * done in someone's name; a slip only where the service concerns the slip's own booking.
     */
    public AssuranceLevel weakestAllowed() {
        return weakestAllowed;
    }

    /** Whether a slip proves enough for it: operations on the slip's own booking. */
    public boolean concernsOneBooking() {
        return this == CHECK_IN || this == CANCEL;
    }
}
