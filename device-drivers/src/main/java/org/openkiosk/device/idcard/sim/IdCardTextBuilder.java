package org.openkiosk.device.idcard.sim;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.openkiosk.device.idcard.CardType;

/** Writes fields into a 256-byte UCS-2LE text block, space-padded, at the byte offsets of the GA 467 layouts. */
public final class IdCardTextBuilder {

    private final byte[] text = new byte[256];

    public IdCardTextBuilder(CardType type) {
        for (int i = 0; i < text.length; i += 2) {
            text[i] = ' ';
        }
        put(248, 2, String.valueOf(type.marker()));
    }

    /** Writes {@code value} at {@code offset}, padded with spaces to {@code length} bytes. */
    public IdCardTextBuilder put(int offset, int length, String value) {
        byte[] encoded = value.getBytes(StandardCharsets.UTF_16LE);
        if (encoded.length > length) {
            throw new IllegalArgumentException("\"" + value + "\" needs " + encoded.length + " bytes, the field at "
                    + offset + " has " + length);
        }
        System.arraycopy(encoded, 0, text, offset, encoded.length);
        return this;
    }

    public byte[] build() {
        return Arrays.copyOf(text, text.length);
    }
}
