package org.openkiosk.app.service.platform;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openkiosk.app.certificate.AuthoritySignature;
import org.openkiosk.device.idcard.IdNumber;
import org.openkiosk.device.privacy.Masking;

/**
 * A certificate as the issuing authority issued it: everything printed on the page that is not the template's
 * own text. The kiosk renders it and never adds content of its own. Citizen data: {@link #toString()} masks.
 *
 * @param type         certificate type, e.g. {@code no-criminal-record}
 * @param number       the certificate number the authority gave it
 * @param holderName   the holder's name as the authority records it
 * @param holderId     the holder's ID number
 * @param issueDate    the date of issue printed on the page
 * @param validUntil   the last day the certificate is valid, when it expires
 * @param fields       values of the template's fields ({@code address}, {@code since} …)
 * @param signature    the authority's signature over the canonical payload (authority-signed networks)
 */
public record IssuedCertificate(String type, String number, String holderName, IdNumber holderId,
                                LocalDate issueDate, Optional<LocalDate> validUntil, Map<String, String> fields,
                                Optional<AuthoritySignature> signature) {

    public IssuedCertificate {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(holderName, "holderName");
        Objects.requireNonNull(holderId, "holderId");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(signature, "signature");
        fields = Map.copyOf(fields);
        if (validUntil.isPresent() && validUntil.get().isBefore(issueDate)) {
            throw new IllegalArgumentException("validUntil " + validUntil.get() + " is before the issue date " + issueDate);
        }
    }

    /** The same certificate with another number (a preview shows a sample number). */
    public IssuedCertificate withNumber(String newNumber) {
        return new IssuedCertificate(type, newNumber, holderName, holderId, issueDate, validUntil, fields, signature);
    }

    @Override
    public String toString() {
        return "IssuedCertificate[" + type + " " + number + " for " + Masking.name(holderName) + " " + holderId.masked()
                + ", issued " + issueDate + validUntil.map(d -> " valid until " + d).orElse("") + ", fields "
                + fields.keySet() + signature.map(s -> ", signed by " + s.keyId()).orElse("") + "]";
    }
}
