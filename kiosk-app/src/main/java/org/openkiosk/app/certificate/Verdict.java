package org.openkiosk.app.certificate;

/** The result of checking a certificate or a scanned payload. */
public enum Verdict {
    VALID(0, "the certificate is genuine and unchanged"),
    BAD_SIGNATURE(10, "the code's signature does not match: the code was altered or forged"),
    UNKNOWN_KEY(11, "the code is signed with a key this verifier does not trust"),
    CONTENT_ALTERED(12, "the certificate's text differs from what was signed"),
    NO_CODE_FOUND(13, "no verification code was found on the page"),
    MALFORMED_PAYLOAD(14, "the code is not a well-formed certificate code"),
    UNREADABLE_DOCUMENT(15, "the file is not a readable PDF"),
    REVOKED_KEY(16, "the code is signed with a key that has been revoked: do not accept the certificate"),
    DEMO_KEY(17, "the code is signed with the published DEMO key, whose private half anyone has: it proves nothing");

    private final int exitCode;
    private final String description;

    Verdict(int exitCode, String description) {
        this.exitCode = exitCode;
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Exit code of {@code kiosk certificate verify}: 0 for VALID, 10–17 for the reasons. */
    public int exitCode() {
        return exitCode;
    }
}
