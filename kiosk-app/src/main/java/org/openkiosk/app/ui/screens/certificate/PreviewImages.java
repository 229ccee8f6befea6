package org.openkiosk.app.ui.screens.certificate;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** First page of a PDF as an image, for the preview. Slow (tens to hundreds of ms): call off the JavaFX thread. */
final class PreviewImages {

    /** About 1750 px high for an A4 page: sharp when enlarged to the screen's width to be read. */
    static final float DPI = 150f;

    private PreviewImages() {}

    static BufferedImage firstPage(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFRenderer(document).renderImageWithDPI(0, DPI, ImageType.RGB);
        }
    }
}
