package org.openkiosk.app.certificate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;

/**
 * Edits the text of a certificate the way a forger would: inside the page's content stream, swapping two
 * glyphs of one text run (both glyphs are in the embedded subset, so the changed text renders and extracts).
 */
final class PdfTamper {

    private PdfTamper() {}

    /** Swaps the first two (2-byte, Identity-H) glyphs of the {@code runIndex}-th shown string. */
    static byte[] swapGlyphs(byte[] pdf, int runIndex) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage page = document.getPage(0);
            List<Object> tokens = new PDFStreamParser(page).parse();
            int run = 0;
            for (int i = 0; i < tokens.size(); i++) {
                if (tokens.get(i) instanceof Operator op && op.getName().equals("Tj") && tokens.get(i - 1) instanceof COSString s) {
                    if (run++ == runIndex) {
                        byte[] b = s.getBytes();
                        byte[] swapped = b.clone();
                        swapped[0] = b[2];
                        swapped[1] = b[3];
                        swapped[2] = b[0];
                        swapped[3] = b[1];
                        tokens.set(i - 1, new COSString(swapped));
                        break;
                    }
                }
            }
            PDStream stream = new PDStream(document);
            try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
                new ContentStreamWriter(out).writeTokens(tokens);
            }
            page.setContents(stream);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}
