package org.openkiosk.device.idcard;

import java.io.IOException;

/** The bytes from the reader do not form a valid GA 467 frame (or not the expected one). */
public class Ga467ProtocolException extends IOException {

    /** What was wrong with the bytes. */
    public enum Kind {
        BAD_CHECKSUM("checksum mismatch (electrical noise or a wrong baud rate?)"),
        BAD_LENGTH("impossible LEN field"),
        MALFORMED_REPLY("reply too short or with inconsistent inner lengths");

        private final String meaning;

        Kind(String meaning) {
            this.meaning = meaning;
        }

        public String meaning() {
            return meaning;
        }
    }

    private final Kind kind;

    public Ga467ProtocolException(Kind kind, String detail) {
        super(kind.meaning() + ": " + detail);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
