package org.openkiosk.device.escpos;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes ESC/POS commands to a stream. Only the protocol lives here; where the bytes go (socket, serial port,
 * USB device file, a byte array for a job) is the caller's business.
 *
 * <p>Text is encoded as GB 18030 and every run of non-ASCII text is preceded by {@code FS &} (Chinese mode on)
 * unless the mode is already known to be on. Lines holding characters the printer's resident font lacks are
 * rendered with the bundled font and sent as a raster image.
 */
public final class EscPosEncoder {

    public static final int ESC = 0x1B;
    public static final int FS = 0x1C;
    public static final int GS = 0x1D;
    public static final int DLE = 0x10;
    public static final int EOT = 0x04;
    public static final int LF = 0x0A;

    /** Largest QR payload in bytes (version 40, level L, byte mode). */
    public static final int QR_MAX_BYTES = 7089;
    /** Raster images go out in bands of at most this many rows. */
    public static final int RASTER_BAND_ROWS = 255;

    private final OutputStream out;
    private final PaperWidth paper;
    private final ResidentFont residentFont;

    private boolean chineseMode;
    private boolean bold;
    private int widthMultiplier = 1;
    private int heightMultiplier = 1;
    private Alignment alignment = Alignment.LEFT;

    public EscPosEncoder(OutputStream out, PaperWidth paper, ResidentFont residentFont) {
        this.out = Objects.requireNonNull(out, "out");
        this.paper = Objects.requireNonNull(paper, "paper");
        this.residentFont = Objects.requireNonNull(residentFont, "residentFont");
    }

    public EscPosEncoder(OutputStream out, PaperWidth paper) {
        this(out, paper, ResidentFont.GBK);
    }

    public PaperWidth paper() {
        return paper;
    }

    /** ESC @: clears the print buffer and resets modes; starts every job. */
    public EscPosEncoder initialise() throws IOException {
        write(ESC, '@');
        chineseMode = false;
        bold = false;
        widthMultiplier = 1;
        heightMultiplier = 1;
        alignment = Alignment.LEFT;
        return this;
    }

    /** ESC a n. */
    public EscPosEncoder align(Alignment value) throws IOException {
        write(ESC, 'a', value.code());
        alignment = value;
        return this;
    }

    /** ESC E n. */
    public EscPosEncoder bold(boolean on) throws IOException {
        write(ESC, 'E', on ? 1 : 0);
        bold = on;
        return this;
    }

    /** GS ! n: character width and height multipliers, 1–8 each. */
    public EscPosEncoder size(int width, int height) throws IOException {
        if (width < 1 || width > 8 || height < 1 || height > 8) {
            throw new IllegalArgumentException("character size must be 1–8 × 1–8, got " + width + "×" + height);
        }
        write(GS, '!', ((width - 1) << 4) | (height - 1));
        widthMultiplier = width;
        heightMultiplier = height;
        return this;
    }

    /** Text without line feed. Control characters are refused: they would be taken for commands. */
    public EscPosEncoder text(String text) throws IOException {
        int i = 0;
        while (i < text.length()) {
            boolean ascii = text.charAt(i) < 0x80;
            int end = i;
            while (end < text.length() && (text.charAt(end) < 0x80) == ascii) {
                end++;
            }
            String run = text.substring(i, end);
            requireNoControls(run);
            if (!ascii && !chineseMode) {
                write(FS, '&');
                chineseMode = true;
            }
            out.write(ascii ? run.getBytes(StandardCharsets.US_ASCII) : encodeGb18030(run));
            i = end;
        }
        return this;
    }

    /** LF: prints the buffer and feeds one line. */
    public EscPosEncoder lineFeed() throws IOException {
        out.write(LF);
        return this;
    }

    /** ESC d n: prints and feeds n lines. */
    public EscPosEncoder feed(int lines) throws IOException {
        requireByte(lines, "feed lines");
        write(ESC, 'd', lines);
        return this;
    }

    /**
     * One line of text and a line feed. When the printer's font lacks a character of the line, the whole line
     * is rendered with the bundled font (same size, weight and alignment) and printed as a raster image.
     */
    public EscPosEncoder line(String text) throws IOException {
        if (residentFont.canPrintAll(text)) {
            return text(text).lineFeed();
        }
        requireNoControls(text);
        BufferedImage picture = BundledFontRenderer.renderLine(text, paper.dots(), heightMultiplier, bold, alignment);
        return raster(MonochromeBitmap.of(picture));
    }

    /** A QR code (model 2) of the UTF-8 bytes of the payload. */
    public EscPosEncoder qr(String payload, int moduleSize, QrErrorCorrection level) throws IOException {
        if (moduleSize < 1 || moduleSize > 16) {
            throw new IllegalArgumentException("QR module size must be 1–16 dots, got " + moduleSize);
        }
        byte[] data = payload.getBytes(StandardCharsets.UTF_8);
        if (data.length == 0 || data.length > QR_MAX_BYTES) {
            throw new IllegalArgumentException("QR payload must be 1–" + QR_MAX_BYTES + " bytes of UTF-8, got " + data.length);
        }
        write(GS, '(', 'k', 4, 0, 0x31, 0x41, 0x32, 0x00);          // fn 65: model 2
        write(GS, '(', 'k', 3, 0, 0x31, 0x43, moduleSize);          // fn 67: module size
        write(GS, '(', 'k', 3, 0, 0x31, 0x45, level.code());        // fn 69: error correction
        int length = data.length + 3;                               // bytes, not characters
        write(GS, '(', 'k', length & 0xFF, length >> 8, 0x31, 0x50, 0x30);   // fn 80: store
        out.write(data);
        write(GS, '(', 'k', 3, 0, 0x31, 0x51, 0x30);                // fn 81: print
        return this;
    }

    /** GS v 0 raster image, in bands of at most 255 rows so every printer's buffer copes. */
    public EscPosEncoder raster(MonochromeBitmap bitmap) throws IOException {
        if (bitmap.widthDots() > paper.dots() + 7) {
            throw new IllegalArgumentException("image is " + bitmap.widthDots() + " dots wide; "
                    + paper + " paper prints " + paper.dots());
        }
        for (int top = 0; top < bitmap.height(); top += RASTER_BAND_ROWS) {
            int rows = Math.min(RASTER_BAND_ROWS, bitmap.height() - top);
            write(GS, 'v', '0', 0, bitmap.bytesPerRow() & 0xFF, bitmap.bytesPerRow() >> 8, rows & 0xFF, rows >> 8);
            out.write(bitmap.rows(top, top + rows));
        }
        return this;
    }

    public EscPosEncoder image(BufferedImage image) throws IOException {
        return raster(MonochromeBitmap.of(image));
    }

    /** GS V 66 n: feeds n lines (to get the last line past the blade) and cuts partially. */
    public EscPosEncoder cut(int feedLines) throws IOException {
        requireByte(feedLines, "feed before cut");
        write(GS, 'V', 66, feedLines);
        return this;
    }

    /** GS r 1: asks for the paper sensor status; printers answer once everything before it is processed. */
    public EscPosEncoder requestPaperStatus() throws IOException {
        write(GS, 'r', 1);
        return this;
    }

    /** DLE EOT n: real-time status query, n = 1…4. */
    public EscPosEncoder realTimeStatus(int n) throws IOException {
        if (n < 1 || n > 4) {
            throw new IllegalArgumentException("DLE EOT n must be 1–4, got " + n);
        }
        write(DLE, EOT, n);
        return this;
    }

    public void flush() throws IOException {
        out.flush();
    }

    private static byte[] encodeGb18030(String run) {
        var encoder = ResidentFont.GB18030.newEncoder();
        if (!encoder.canEncode(run)) {
            throw new IllegalArgumentException("text cannot be encoded in GB 18030 (unpaired surrogate?): \"" + run + "\"");
        }
        return run.getBytes(ResidentFont.GB18030);
    }

    private static void requireNoControls(String text) {
        text.codePoints().filter(c -> c < 0x20 || c == 0x7F).findFirst().ifPresent(c -> {
            throw new IllegalArgumentException(String.format("text contains control character U+%04X", c));
        });
    }

    private static void requireByte(int value, String what) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException(what + " must be 0–255, got " + value);
        }
    }

    private void write(int... bytes) throws IOException {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        out.write(b);
    }
}
