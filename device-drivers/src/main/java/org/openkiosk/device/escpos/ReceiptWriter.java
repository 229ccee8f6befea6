package org.openkiosk.device.escpos;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Lays a {@link Receipt} out for a paper width and encodes it as one ESC/POS job. */
public final class ReceiptWriter {

    private final PaperWidth paper;
    private final ResidentFont residentFont;
    private final boolean cutter;

    /**
     * @param cutter whether the printer has a blade; without one a cut becomes a feed so the receipt can be
     *               torn off
     */
    public ReceiptWriter(PaperWidth paper, ResidentFont residentFont, boolean cutter) {
        this.paper = paper;
        this.residentFont = residentFont;
        this.cutter = cutter;
    }

    /** The complete job, starting with ESC @. */
    public byte[] encode(Receipt receipt) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try {
            write(receipt, new EscPosEncoder(bytes, paper, residentFont));
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    public void write(Receipt receipt, EscPosEncoder encoder) throws IOException {
        encoder.initialise();
        for (Receipt.Element element : receipt.elements()) {
            writeElement(encoder, element);
        }
    }

    private void writeElement(EscPosEncoder encoder, Receipt.Element element) throws IOException {
        if (element instanceof Receipt.Title t) {
            encoder.align(Alignment.CENTRE).bold(true).size(2, 2).line(t.text()).size(1, 1).bold(false).align(Alignment.LEFT);
        } else if (element instanceof Receipt.Line l) {
            encoder.align(l.alignment());
            if (l.bold()) {
                encoder.bold(true);
            }
            encoder.line(l.text());
            if (l.bold()) {
                encoder.bold(false);
            }
            if (l.alignment() != Alignment.LEFT) {
                encoder.align(Alignment.LEFT);
            }
        } else if (element instanceof Receipt.KeyValue kv) {
            writeKeyValue(encoder, kv);
        } else if (element instanceof Receipt.Qr q) {
            encoder.align(Alignment.CENTRE).qr(q.payload(), q.moduleSize(), QrErrorCorrection.M).lineFeed().align(Alignment.LEFT);
        } else if (element instanceof Receipt.Divider) {
            encoder.line("-".repeat(paper.columns()));
        } else if (element instanceof Receipt.Feed f) {
            encoder.feed(f.lines());
        } else if (element instanceof Receipt.Cut c) {
            if (cutter) {
                encoder.cut(c.feedLines());
            } else {
                encoder.feed(c.feedLines() + 2);
            }
        }
    }

    private void writeKeyValue(EscPosEncoder encoder, Receipt.KeyValue kv) throws IOException {
        int keyWidth = displayWidth(kv.key());
        int valueWidth = displayWidth(kv.value());
        int columns = paper.columns();
        if (keyWidth + 1 + valueWidth <= columns) {
            encoder.line(kv.key() + " ".repeat(columns - keyWidth - valueWidth) + kv.value());
        } else {
            encoder.line(kv.key());
            encoder.align(Alignment.RIGHT).line(kv.value()).align(Alignment.LEFT);
        }
    }

    /** Columns a text takes in the 12×24 font: CJK and full-width forms take two. */
    public static int displayWidth(String text) {
        return text.codePoints().map(c -> isWide(c) ? 2 : 1).sum();
    }

    private static boolean isWide(int c) {
        return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
                || (c >= 0xFFE0 && c <= 0xFFE6) || c >= 0x20000;
    }
}
