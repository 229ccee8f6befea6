package org.openkiosk.device.idcard;

import java.util.Arrays;

/** The raw blocks of one card read: 256 bytes of text, the WLT photo, and fingerprints when asked for (else empty). */
public record CardBlocks(byte[] text, byte[] photo, byte[] fingerprints) {

    /** Parses the text and wraps the photo; the raw text is wiped afterwards. */
    public IdCard toIdCard() throws IdCardFormatException {
        try {
            return IdCardTextParser.parse(text, new WltPhoto(photo));
        } finally {
            wipe();
        }
    }

    public void wipe() {
        Arrays.fill(text, (byte) 0);
        Arrays.fill(photo, (byte) 0);
        Arrays.fill(fingerprints, (byte) 0);
    }

    @Override
    public String toString() {
        return "CardBlocks[text=" + text.length + ", photo=" + photo.length + ", fingerprints=" + fingerprints.length + "]";
    }
}
