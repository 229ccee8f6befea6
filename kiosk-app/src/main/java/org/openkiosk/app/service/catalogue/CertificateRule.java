package org.openkiosk.app.service.catalogue;

/**
 * A certificate the kiosk may print.
 *
 * @param type         the platform's certificate type, e.g. {@code no-criminal-record}
 * @param numberPrefix prefix of the certificate numbers this kiosk network issues, e.g. {@code WFZ}
 * @param reprintLimit how many reprints after the first successful print one person may make
 */
public record CertificateRule(String type, String numberPrefix, int reprintLimit) {

    /** Successful prints allowed in total. */
    public int printLimit() {
        return 1 + reprintLimit;
    }
}
