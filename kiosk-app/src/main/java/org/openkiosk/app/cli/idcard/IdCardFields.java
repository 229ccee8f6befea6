package org.openkiosk.app.cli.idcard;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openkiosk.device.idcard.IdCard;

/**
 * The technician output of a card, in the order of the command contract: the common fields, then the card type's
 * own ones. Dates are ISO; {@code validTo} is ISO or {@code 长期}.
 */
final class IdCardFields {

    private IdCardFields() {}

    static Map<String, Object> of(IdCard card) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cardType", card.cardType().name());
        m.put("name", card.name());
        m.put("sex", card.sex().english());
        m.put("nation", card.nation() == null ? null : card.nation().name());
        m.put("birthDate", card.birthDate().toString());
        m.put("address", card.address());
        m.put("idNumber", card.idNumber());
        m.put("issuer", card.issuer());
        m.put("validFrom", card.validFrom().toString());
        m.put("validTo", card.validTo().toString());
        switch (card.cardType()) {
            case RESIDENT -> m.put("nationCode", card.nation().code());
            case HK_MACAO_TAIWAN_PERMIT -> {
                m.put("travelPermitNumber", card.travelPermitNumber());
                m.put("issueCount", card.issueCount());
            }
            case FOREIGNER_2023 -> {
                m.put("englishName", card.englishName());
                m.put("nationality", card.nationality());
                m.put("renewalCount", card.renewalCount());
            }
            case FOREIGNER_2017 -> {
                m.put("englishName", card.englishName());
                m.put("nationality", card.nationality());
                m.put("cardVersion", card.cardVersion());
            }
        }
        m.put("photoBytes", card.photo() == null ? 0 : card.photo().length());
        return m;
    }
}
