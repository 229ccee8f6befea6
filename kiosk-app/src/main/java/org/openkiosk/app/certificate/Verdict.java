package org.openkiosk.app.certificate;

/** The result of checking a certificate or a scanned payload. */
public enum Verdict {
    VALID("the certificate is genuine and unchanged"),
    BAD_SIGNATURE("the code's signature does not match: the code was altered or forged"),
    UNKNOWN_KEY("the code is signed with a key this verifier does not trust"),
    CONTENT_ALTERED("the certificate's text differs from what was signed"),
    NO_CODE_FOUND("no verification code was found on the page"),
    MALFORMED_PAYLOAD("the code is not a well-formed certificate code"),
    UNREADABLE_DOCUMENT("the file is not a readable PDF");

    private final String description;

    Verdict(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Exit code of {@code kiosk certificate verify}: 0 for VALID, 10 + ordinal for each reason. */
    public int exitCode() {
        return this == VALID ? 0 : 10 + ordinal();
    }
}
