package org.openkiosk.app.service.identity;

import java.util.Objects;
import java.util.Optional;
import org.openkiosk.device.idcard.IdNumber;
import org.openkiosk.device.privacy.Masking;

/**
 * Who the citizen at the kiosk is, for one session only. {@link #toString()} is masked.
 *
 * @param idNumber    the checked ID number
 * @param name        the name, when known (card read or platform lookup)
 * @param source      how the citizen identified
 * @param cardType    the card type, for a card read
 * @param bookingCode the appointment that identified them, for a scanned slip
 */
public record Identity(IdNumber idNumber, Optional<String> name, IdentitySource source,
                       Optional<CardType> cardType, Optional<String> bookingCode) {

    public Identity {
        Objects.requireNonNull(idNumber, "idNumber");
        Objects.requireNonNull(source, "source");
    }

    /**
     * How strongly this identification proves the person, for anything but the slip's own booking (a slip
     * counts as {@link AssuranceLevel#SLIP} only for its booking, see {@link #assuranceFor}).
     */
    public AssuranceLevel assurance() {
        return switch (source) {
            case CARD -> AssuranceLevel.CARD;
            case CARD_AND_FACE -> AssuranceLevel.CARD_AND_FACE;
            case APPOINTMENT_QR, TYPED_NUMBER -> AssuranceLevel.TYPED_NUMBER;
        };
    }

    /** The level for an operation on one booking: a scanned slip proves that booking, nothing more. */
    public AssuranceLevel assuranceFor(String targetBookingCode) {
        if (source == IdentitySource.APPOINTMENT_QR && bookingCode.isPresent()
                && bookingCode.get().equals(targetBookingCode)) {
            return AssuranceLevel.SLIP;
        }
        return assurance();
    }

    @Override
    public String toString() {
        return "Identity[" + idNumber + ", " + name.map(Masking::name).orElse("?") + ", " + source + "]";
    }
}
