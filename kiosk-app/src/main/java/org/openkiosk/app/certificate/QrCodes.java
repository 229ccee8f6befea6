package org.openkiosk.app.certificate;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/** Encodes a payload as a QR code and draws it as vector squares (sharp at any print resolution). */
final class QrCodes {

    private QrCodes() {}

    static BitMatrix encode(String text) {
        try {
            // quiet zone drawn by us (white page around), so margin 0; UTF-8 else Chinese becomes "?"
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.CHARACTER_SET, "UTF-8",
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.MARGIN, 0));
        } catch (WriterException e) {
            throw new IllegalArgumentException("payload too long for a QR code (" + text.length() + " characters)", e);
        }
    }

    /** Draws the matrix with its lower-left corner at (x, y), {@code size} points wide. */
    static void draw(PDPageContentStream content, BitMatrix matrix, float x, float y, float size) throws IOException {
        int n = matrix.getWidth();
        float module = size / n;
        content.saveGraphicsState();
        content.setNonStrokingColor(0f, 0f, 0f);
        for (int row = 0; row < n; row++) {
            int col = 0;
            while (col < n) {
                if (!matrix.get(col, row)) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < n && matrix.get(col, row)) {
                    col++;
                }
                // one rectangle per horizontal run of dark modules keeps the content stream small
                content.addRect(x + start * module, y + size - (row + 1) * module, (col - start) * module, module);
            }
        }
        content.fill();
        content.restoreGraphicsState();
    }
}
