package org.openkiosk.device.idcard;

import java.time.LocalDate;
import java.util.Objects;
import org.openkiosk.device.privacy.Masking;

/**
 * What an ID card reader read from one card, for the four card types. Fields a card type does not carry are
 * {@code null}:
 * <ul>
 *   <li>all: {@code cardType, name, sex, birthDate, idNumber, validFrom, validTo, photo}</li>
 *   <li>{@link CardType#RESIDENT}: {@code nation, address, issuer}</li>
 *   <li>{@link CardType#HK_MACAO_TAIWAN_PERMIT}: {@code address, issuer, travelPermitNumber, issueCount}</li>
 *   <li>{@link CardType#FOREIGNER_2023}: {@code englishName, nationality, renewalCount}</li>
 *   <li>{@link CardType#FOREIGNER_2017}: {@code englishName, nationality, cardVersion, issuer} (the issuing
 *       authority's code); {@code idNumber} is the 15-character card number; {@code name} may be empty</li>
 * </ul>
 * This is citizen data: keep it for the session only. {@link #toString()} is masked.
 */
public record IdCard(
        CardType cardType,
        String name,
        Sex sex,
        Nation nation,
        LocalDate birthDate,
        String address,
        String idNumber,
        String issuer,
        LocalDate validFrom,
        ValidUntil validTo,
        String englishName,
        String nationality,
        String travelPermitNumber,
        Integer issueCount,
        Integer renewalCount,
        String cardVersion,
        PhotoBlob photo) {

    public IdCard {
        Objects.requireNonNull(cardType, "cardType");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(idNumber, "idNumber");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
    }

    /** The same card without its photo reference (e.g. after the photo was handed on and wiped). */
    public IdCard withPhoto(PhotoBlob newPhoto) {
        return new IdCard(cardType, name, sex, nation, birthDate, address, idNumber, issuer, validFrom, validTo,
                englishName, nationality, travelPermitNumber, issueCount, renewalCount, cardVersion, newPhoto);
    }

    /** Name for display to the citizen: the Chinese name, else the English one. */
    public String displayName() {
        return name.isEmpty() && englishName != null ? englishName : name;
    }

    /** Forgets the photo bytes; the text fields are immutable strings that go with the record. */
    public void wipePhoto() {
        if (photo != null) {
            photo.wipe();
        }
    }

    /** Masked: no full name, no full number, no address — safe for logs. */
    @Override
    public String toString() {
        return "IdCard[" + cardType + ", name=" + Masking.name(displayName()) + ", idNumber="
                + Masking.idNumber(idNumber) + ", validTo=" + validTo + "]";
    }
}
