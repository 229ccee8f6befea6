package org.openkiosk.app.certificate;

import java.awt.geom.GeneralPath;
import java.io.IOException;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * Glyph outlines of the bundled font, for lettering that is part of a drawing (the seal) rather than text:
 * it must not show up in the certificate's extracted text.
 */
final class GlyphOutlines {

    private final TrueTypeFont font;
    private final float unitsPerEm;

    GlyphOutlines(TrueTypeFont font) throws IOException {
        this.font = font;
        this.unitsPerEm = font.getUnitsPerEm();
    }

    /** The outline of one character in font units (origin on the baseline at the left side bearing). */
    GeneralPath outline(int codePoint) throws IOException {
        int gid = font.getUnicodeCmapLookup().getGlyphId(codePoint);
        if (gid == 0) {
            throw new IOException("the bundled font has no glyph for U+" + Integer.toHexString(codePoint).toUpperCase());
        }
        GlyphData glyph = font.getGlyph().getGlyph(gid);
        return glyph == null ? new GeneralPath() : glyph.getPath();
    }

    /** Advance width of one character, in units of the font size (1.0 = one em). */
    float advance(int codePoint) throws IOException {
        int gid = font.getUnicodeCmapLookup().getGlyphId(codePoint);
        return font.getAdvanceWidth(gid) / unitsPerEm;
    }

    float unitsPerEm() {
        return unitsPerEm;
    }
}
