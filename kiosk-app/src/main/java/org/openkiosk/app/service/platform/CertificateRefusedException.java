package org.openkiosk.app.service.platform;

/**
 * The issuing authority decided not to issue the certificate (not eligible, record under review …). A decision,
 * not a failure: asking again will not change it.
 */
public class CertificateRefusedException extends RuntimeException {

    private final String code;

    /**
     * @param code   the platform's refusal code, e.g. {@code NOT_ELIGIBLE}
     * @param detail the platform's reason, for the log (may contain no citizen data)
     */
    public CertificateRefusedException(String code, String detail) {
        super("the issuing authority refused the certificate: " + code + (detail.isBlank() ? "" : " (" + detail + ")"));
        this.code = code;
    }

    public String code() {
        return code;
    }
}
