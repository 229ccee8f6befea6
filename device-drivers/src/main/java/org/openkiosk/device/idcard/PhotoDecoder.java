package org.openkiosk.device.idcard;

import java.io.IOException;

/**
 * Decodes a card photo (WLT) into a 102×126 24-bit BMP. WLT can only be decoded by a licensed vendor library
 * (e.g. {@code libwlt2bmp}); a deployment that has one implements this interface around it. The kiosk never
 * decodes photos itself and works without a decoder (the photo is then not shown).
 */
public interface PhotoDecoder {

    /** @return the BMP file bytes (38862 bytes for the standard size) */
    byte[] toBmp(PhotoBlob photo) throws IOException;

    /** The decoder used when none is configured: says so instead of guessing. */
    static PhotoDecoder none() {
        return photo -> {
            throw new IOException("no WLT photo decoder configured (it needs a licensed vendor library)");
        };
    }
}
