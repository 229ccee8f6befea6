package org.openkiosk.device.idcard;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One GA 467 frame: {@code AA AA AA 96 69 | LEN_HI LEN_LO | payload | CHK}. LEN counts the payload and CHK; CHK is
 * the XOR of LEN_HI through the last payload byte. A request's payload is {@code CMD PARA [DATA]}, a reply's is
 * {@code SW1 SW2 SW3 [DATA]}. The class is the same for both directions; the accessors name the fields.
 */
public final class Ga467Frame {

    public static final byte[] PREAMBLE = {(byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0x96, 0x69};
    /** Preamble + LEN. */
    public static final int HEADER_LENGTH = 7;
    /** The longest frame the protocol produces is the 2321-byte read with fingerprints; allow headroom. */
    public static final int MAX_LEN = 4096;

    private final byte[] payload;

    private Ga467Frame(byte[] payload) {
        if (payload.length < 2 || payload.length + 1 > MAX_LEN) {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes does not fit a GA 467 frame");
        }
        this.payload = payload;
    }

    /** Wraps a payload that was already checked by the reader. */
    static Ga467Frame ofPayload(byte[] payload) {
        return new Ga467Frame(payload.clone());
    }

    /** Takes ownership of a payload the reader just cut out (no copy, so {@link #wipe()} reaches every byte). */
    static Ga467Frame adopt(byte[] payload) {
        return new Ga467Frame(payload);
    }

    public static Ga467Frame request(int cmd, int para, byte... data) {
        byte[] p = new byte[2 + data.length];
        p[0] = (byte) cmd;
        p[1] = (byte) para;
        System.arraycopy(data, 0, p, 2, data.length);
        return new Ga467Frame(p);
    }

    public static Ga467Frame response(int sw1, int sw2, int sw3, byte... data) {
        byte[] p = new byte[3 + data.length];
        p[0] = (byte) sw1;
        p[1] = (byte) sw2;
        p[2] = (byte) sw3;
        System.arraycopy(data, 0, p, 3, data.length);
        return new Ga467Frame(p);
    }

    /** A reply with SW1 = SW2 = 00, as modules send them. */
    public static Ga467Frame response(int sw3, byte... data) {
        return response(0x00, 0x00, sw3, data);
    }

    /** The whole frame on the wire, preamble to checksum. */
    public byte[] encode() {
        int len = payload.length + 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER_LENGTH + len);
        out.writeBytes(PREAMBLE);
        out.write(len >> 8);
        out.write(len);
        out.writeBytes(payload);
        out.write(checksum(len, payload, 0, payload.length));
        return out.toByteArray();
    }

    /** XOR of LEN_HI, LEN_LO and the payload bytes. */
    public static int checksum(int len, byte[] payload, int offset, int length) {
        int x = ((len >> 8) ^ len) & 0xFF;
        for (int i = offset; i < offset + length; i++) {
            x ^= payload[i];
        }
        return x & 0xFF;
    }

    /** The bytes between LEN and CHK (a copy). */
    public byte[] payload() {
        return payload.clone();
    }

    public int payloadLength() {
        return payload.length;
    }

    /** The value of the LEN field: payload + CHK. */
    public int len() {
        return payload.length + 1;
    }

    // --- request view

    public int cmd() {
        return payload[0] & 0xFF;
    }

    public int para() {
        return payload[1] & 0xFF;
    }

    /** The bytes after CMD PARA of a request. */
    public byte[] requestData() {
        return Arrays.copyOfRange(payload, 2, payload.length);
    }

    // --- reply view

    public int sw1() {
        return payload[0] & 0xFF;
    }

    public int sw2() {
        return payload[1] & 0xFF;
    }

    /** The module's own status; decides the outcome. Only meaningful for replies (payload ≥ 3 bytes). */
    public int sw3() {
        if (payload.length < 3) {
            throw new IllegalStateException("a frame with " + payload.length + " payload bytes has no SW3");
        }
        return payload[2] & 0xFF;
    }

    /** The bytes after SW1 SW2 SW3 of a reply. */
    public byte[] replyData() {
        return payload.length <= 3 ? new byte[0] : Arrays.copyOfRange(payload, 3, payload.length);
    }

    /**
     * Overwrites the payload with zeros: a read reply carries the card's text and photo. The frame is useless
     * afterwards; copies handed out earlier ({@link #replyData()}) are their holder's to wipe.
     */
    public void wipe() {
        Arrays.fill(payload, (byte) 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ga467Frame other && Arrays.equals(other.payload, payload);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(payload);
    }

    /** Only the first bytes: a read reply carries citizen data, which must not reach a log. */
    @Override
    public String toString() {
        int shown = Math.min(payload.length, 3);
        return "Ga467Frame[len=" + len() + ", head=" + HexFormat.ofDelimiter(" ").formatHex(payload, 0, shown)
                + (payload.length > shown ? " …" : "") + "]";
    }
}
