package org.openkiosk.app.certificate;

import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/** Copies a Java2D shape into a PDF content stream as path operators (quadratic curves become cubic). */
final class PdfPaths {

    private PdfPaths() {}

    static void append(PDPageContentStream content, Shape shape, AffineTransform transform) throws IOException {
        PathIterator it = shape.getPathIterator(transform);
        float[] c = new float[6];
        float lastX = 0;
        float lastY = 0;
        while (!it.isDone()) {
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> {
                    content.moveTo(c[0], c[1]);
                    lastX = c[0];
                    lastY = c[1];
                }
                case PathIterator.SEG_LINETO -> {
                    content.lineTo(c[0], c[1]);
                    lastX = c[0];
                    lastY = c[1];
                }
                case PathIterator.SEG_QUADTO -> {
                    // a quadratic Bézier as the equivalent cubic: control points at 2/3 towards the quad's control point
                    float c1x = lastX + 2f / 3f * (c[0] - lastX);
                    float c1y = lastY + 2f / 3f * (c[1] - lastY);
                    float c2x = c[2] + 2f / 3f * (c[0] - c[2]);
                    float c2y = c[3] + 2f / 3f * (c[1] - c[3]);
                    content.curveTo(c1x, c1y, c2x, c2y, c[2], c[3]);
                    lastX = c[2];
                    lastY = c[3];
                }
                case PathIterator.SEG_CUBICTO -> {
                    content.curveTo(c[0], c[1], c[2], c[3], c[4], c[5]);
                    lastX = c[4];
                    lastY = c[5];
                }
                case PathIterator.SEG_CLOSE -> content.closePath();
                default -> throw new IllegalStateException("unknown path segment");
            }
            it.next();
        }
    }
}
