package org.openkiosk.app.ui.flow;

import java.util.Optional;
import org.openkiosk.app.service.identity.CardType;
import org.openkiosk.app.service.identity.Identity;
import org.openkiosk.app.service.identity.IdentitySource;
import org.openkiosk.app.session.CitizenSession;

/** The services' view of who is at the kiosk, rebuilt from the session (which alone holds personal data). */
public final class SessionIdentity {

    private SessionIdentity() {}

    public static Identity of(CitizenSession session) {
        IdentitySource source = switch (session.method()) {
            case ID_CARD -> IdentitySource.CARD;
            case ID_CARD_AND_FACE -> IdentitySource.CARD_AND_FACE;
            case QR_CODE -> IdentitySource.APPOINTMENT_QR;
            case TYPED_NUMBER -> IdentitySource.TYPED_NUMBER;
        };
        return new Identity(session.idNumber(), session.name(), source,
                session.choice(SessionKeys.CARD_TYPE).map(CardType::valueOf),
                session.choice(SessionKeys.BOOKING_CODE));
    }

    public static Optional<String> bookingCode(CitizenSession session) {
        return session.choice(SessionKeys.BOOKING_CODE);
    }
}
