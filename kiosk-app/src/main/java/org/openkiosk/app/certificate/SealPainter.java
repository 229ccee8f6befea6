package org.openkiosk.app.certificate;

import java.awt.geom.AffineTransform;
import java.awt.geom.GeneralPath;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Draws the issuing office's seal: a red ring, a five-pointed star, the office name along the upper arc and an
 * optional line under the star — all as vector paths, so the seal adds nothing to the extracted text. Or places
 * a configured image instead.
 */
final class SealPainter {

    private static final float RED_R = 0.84f;
    private static final float RED_G = 0.08f;
    private static final float RED_B = 0.10f;

    private final GlyphOutlines glyphs;

    SealPainter(GlyphOutlines glyphs) {
        this.glyphs = glyphs;
    }

    void paint(PDDocument document, PDPageContentStream content, SealSpec seal, float cx, float cy, float radius)
            throws IOException {
        if (seal.image() != null) {
            PDImageXObject image = PDImageXObject.createFromFile(seal.image().toString(), document);
            content.drawImage(image, cx - radius, cy - radius, 2 * radius, 2 * radius);
            return;
        }
        content.saveGraphicsState();
        content.setStrokingColor(RED_R, RED_G, RED_B);
        content.setNonStrokingColor(RED_R, RED_G, RED_B);
        content.setLineWidth(radius * 0.05f);
        circle(content, cx, cy, radius * 0.96f);
        content.stroke();
        star(content, cx, cy + radius * 0.02f, radius * 0.30f);
        content.fill();
        arcText(content, seal.text(), cx, cy, radius * 0.60f, radius * 0.22f);
        if (!seal.centerText().isEmpty()) {
            lineText(content, seal.centerText(), cx, cy - radius * 0.55f, radius * 0.16f);
        }
        content.restoreGraphicsState();
    }

    private static void circle(PDPageContentStream content, float cx, float cy, float r) throws IOException {
        float k = 0.5523f * r; // control-point distance approximating a quarter circle
        content.moveTo(cx + r, cy);
        content.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        content.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        content.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        content.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        content.closePath();
    }

    private static void star(PDPageContentStream content, float cx, float cy, float r) throws IOException {
        float inner = r * 0.382f;
        for (int i = 0; i < 10; i++) {
            double angle = Math.PI / 2 + i * Math.PI / 5;
            float rr = i % 2 == 0 ? r : inner;
            float x = cx + (float) (rr * Math.cos(angle));
            float y = cy + (float) (rr * Math.sin(angle));
            if (i == 0) {
                content.moveTo(x, y);
            } else {
                content.lineTo(x, y);
            }
        }
        content.closePath();
    }

    /** Characters upright and facing outwards, spread over the upper arc from left to right. */
    private void arcText(PDPageContentStream content, String text, float cx, float cy, float baselineRadius, float size)
            throws IOException {
        int[] cps = text.codePoints().filter(cp -> !Character.isWhitespace(cp)).toArray();
        if (cps.length == 0) {
            return;
        }
        double span = Math.toRadians(Math.min(240, 24 * cps.length + 20));
        double step = cps.length == 1 ? 0 : span / (cps.length - 1);
        double start = Math.PI / 2 + span / 2;
        float scale = size / glyphs.unitsPerEm();
        for (int i = 0; i < cps.length; i++) {
            double angle = start - i * step;
            AffineTransform at = new AffineTransform();
            at.translate(cx, cy);
            at.rotate(angle - Math.PI / 2);
            at.translate(-glyphs.advance(cps[i]) * size / 2, baselineRadius);
            at.scale(scale, scale);
            fillGlyph(content, cps[i], at);
        }
    }

    private void lineText(PDPageContentStream content, String text, float cx, float baseline, float size) throws IOException {
        int[] cps = text.codePoints().toArray();
        float width = 0;
        for (int cp : cps) {
            width += glyphs.advance(cp) * size;
        }
        float x = cx - width / 2;
        float scale = size / glyphs.unitsPerEm();
        for (int cp : cps) {
            AffineTransform at = AffineTransform.getTranslateInstance(x, baseline);
            at.scale(scale, scale);
            fillGlyph(content, cp, at);
            x += glyphs.advance(cp) * size;
        }
    }

    private void fillGlyph(PDPageContentStream content, int codePoint, AffineTransform at) throws IOException {
        GeneralPath outline = glyphs.outline(codePoint);
        if (outline.getCurrentPoint() == null) {
            return; // an empty glyph
        }
        PdfPaths.append(content, outline, at);
        content.fill();
    }
}
