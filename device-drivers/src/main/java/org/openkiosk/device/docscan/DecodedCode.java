package org.openkiosk.device.docscan;

/** A barcode or QR code found on an image: its ZXing format name (e.g. {@code QR_CODE}) and its text. */
public record DecodedCode(String format, String text) {
    @Override
    public String toString() {
        return format + ": " + text;
    }
}
