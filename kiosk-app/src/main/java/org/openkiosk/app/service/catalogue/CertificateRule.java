package org.openkiosk.app.service.catalogue;

import org.openkiosk.app.service.identity.AssuranceLevel;

/**
 * A certificate the kiosk may print.
 *
 * @param type         the platform's certificate type, e.g. {@code no-criminal-record}
 * @param numberPrefix prefix of the certificate numbers this kiosk network issues, e.g. {@code WFZ}
 * @param reprintLimit how many reprints after the first successful print one person may make
 * @param assurance    the least proof of identity to preview and print it ({@code card} when absent)
 */
public record CertificateRule(String type, String numberPrefix, int reprintLimit, String assurance) {

    /** A certificate prints personal data: never on a typed number or a slip. */
    public static final AssuranceLevel WEAKEST_ALLOWED = AssuranceLevel.CARD;

    public CertificateRule(String type, String numberPrefix, int reprintLimit) {
        this(type, numberPrefix, reprintLimit, null);
    }

    /** Successful prints allowed in total. */
    public int printLimit() {
        return 1 + reprintLimit;
    }

    /** The least level to preview and print it. */
    public AssuranceLevel assuranceLevel() {
        return AssuranceLevel.parse(assurance).orElse(AssuranceLevel.CARD);
    }
}
