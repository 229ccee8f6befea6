package org.openkiosk.app.certificate;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openkiosk.device.idcard.IdNumber;
import org.openkiosk.device.privacy.Masking;

/**
 * What to certify: the input of {@link CertificateRenderer#render}. Citizen data: keep it only for the session;
 * {@link #toString()} masks the name and the ID number.
 *
 * @param type       template type, e.g. {@code no-criminal-record}
 * @param holderName the holder's name as on the ID card
 * @param idNumber   the holder's ID number
 * @param fields     values for the template's extra placeholders ({@code address} …)
 * @param issueDate  the date printed on the certificate
 * @param number     the certificate number (unique per issuing office)
 * @param validUntil the last day of validity, when the certificate expires
 * @param authoritySignature the issuing authority's signature over the payload (authority-signed networks)
 */
public record CertificateRequest(String type, String holderName, IdNumber idNumber, Map<String, String> fields,
                                 LocalDate issueDate, String number, Optional<LocalDate> validUntil,
                                 Optional<AuthoritySignature> authoritySignature) {

    /** Without expiry and without an authority signature (kiosk-signed; samples). */
    public CertificateRequest(String type, String holderName, IdNumber idNumber, Map<String, String> fields,
                              LocalDate issueDate, String number) {
        this(type, holderName, idNumber, fields, issueDate, number, Optional.empty(), Optional.empty());
    }

    public CertificateRequest {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(idNumber, "idNumber");
        Objects.requireNonNull(issueDate, "issueDate");
        if (holderName == null || holderName.isBlank()) {
            throw new IllegalArgumentException("the holder's name is empty");
        }
        if (number == null || !number.matches("[A-Za-z0-9][A-Za-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("certificate number \"" + number + "\" must be 1–40 letters, digits and -");
        }
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(authoritySignature, "authoritySignature");
        holderName = holderName.strip();
        fields = Map.copyOf(fields == null ? Map.of() : fields);
    }

    @Override
    public String toString() {
        return "CertificateRequest[" + type + " " + number + " for " + Masking.name(holderName) + " " + idNumber.masked()
                + " on " + issueDate + "]";
    }
}
