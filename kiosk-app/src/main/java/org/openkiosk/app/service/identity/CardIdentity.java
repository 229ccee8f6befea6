package org.openkiosk.app.service.identity;

import java.util.Objects;
import org.openkiosk.device.idcard.IdNumber;
import org.openkiosk.device.privacy.Masking;

/** The part of a card read that identification needs. {@link #toString()} is masked. */
public record CardIdentity(CardType cardType, String name, IdNumber idNumber) {

    public CardIdentity {
        Objects.requireNonNull(cardType, "cardType");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(idNumber, "idNumber");
    }

    @Override
    public String toString() {
        return "CardIdentity[" + cardType + ", " + Masking.name(name) + ", " + idNumber + "]";
    }
}
