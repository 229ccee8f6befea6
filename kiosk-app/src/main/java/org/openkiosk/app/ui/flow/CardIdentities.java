package org.openkiosk.app.ui.flow;

import org.openkiosk.app.service.identity.CardIdentity;
import org.openkiosk.app.service.identity.CardType;
import org.openkiosk.device.idcard.IdCard;
import org.openkiosk.device.idcard.IdNumber;
import org.openkiosk.device.idcard.InvalidIdNumberException;

/** What identification needs from a card read: its type in the services' terms, the name and the number. */
public final class CardIdentities {

    private CardIdentities() {}

    /**
     * @throws InvalidIdNumberException the card carries no 18-character citizen number (the 2017 foreigner's
     *                                  card has a 15-character card number, which the platform does not know)
     */
    public static CardIdentity of(IdCard card) throws InvalidIdNumberException {
        IdNumber number = IdNumber.parse(card.idNumber());
        CardType type = switch (card.cardType()) {
            case RESIDENT -> CardType.RESIDENT_ID;
            case HK_MACAO_TAIWAN_PERMIT -> number.value().startsWith("83")
                    ? CardType.TAIWAN_RESIDENCE_PERMIT : CardType.HONG_KONG_MACAO_RESIDENCE_PERMIT;
            case FOREIGNER_2023, FOREIGNER_2017 -> CardType.FOREIGN_PERMANENT_RESIDENCE;
        };
        return new CardIdentity(type, card.displayName(), number);
    }
}
