package org.openkiosk.device.escpos;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.openkiosk.fonts.BundledFonts;

/**
 * Draws text with the kiosk's bundled CJK font through AWT (headless is fine). Used for lines the printer's
 * own font cannot print and by the simulator to render captured receipts as pictures.
 */
public final class BundledFontRenderer {

    private static final class Holder {
        static final Font REGULAR = load(BundledFonts.REGULAR);
        static final Font BOLD = load(BundledFonts.BOLD);
    }

    private BundledFontRenderer() {}

    private static Font load(BundledFonts which) {
        try (InputStream in = which.open()) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled font " + which.fileName(), e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("bundled font " + which.fileName() + " is not a TrueType font", e);
        }
    }

    /** The bundled font at a pixel size. */
    public static Font font(boolean bold, float pixelSize) {
        return (bold ? Holder.BOLD : Holder.REGULAR).deriveFont(pixelSize);
    }

    /**
     * Renders one line black on white, {@code width} dots wide and one line of the printer's 24-dot font
     * high (times the height multiplier), aligned as asked. Text wider than the paper is shrunk to fit.
     */
    public static BufferedImage renderLine(String text, int width, int heightMultiplier, boolean bold, Alignment alignment) {
        int height = 24 * heightMultiplier + 6;
        float size = 24f * heightMultiplier;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            Font font = font(bold, size);
            FontMetrics metrics = g.getFontMetrics(font);
            int textWidth = metrics.stringWidth(text);
            if (textWidth > width) {
                font = font.deriveFont(size * width / textWidth);
                metrics = g.getFontMetrics(font);
                textWidth = metrics.stringWidth(text);
            }
            g.setFont(font);
            g.setColor(Color.BLACK);
            int x = switch (alignment) {
                case LEFT -> 0;
                case CENTRE -> (width - textWidth) / 2;
                case RIGHT -> width - textWidth;
            };
            int baseline = (height - metrics.getHeight()) / 2 + metrics.getAscent();
            g.drawString(text, Math.max(0, x), baseline);
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Renders text the way a printer's resident font lays it out: every character in a fixed cell, 12 dots wide
     * (24 for CJK and other wide characters) times the width multiplier, so columns line up as on paper.
     */
    public static BufferedImage renderCells(String text, int width, int widthMultiplier, int heightMultiplier,
                                            boolean bold, Alignment alignment) {
        int cell = 12 * widthMultiplier;
        int height = 24 * heightMultiplier + 6;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            Font font = font(bold, 22f * heightMultiplier);
            g.setFont(font);
            FontMetrics metrics = g.getFontMetrics();
            int total = text.codePoints().map(c -> ReceiptWriter.displayWidth(new String(Character.toChars(c))) * cell).sum();
            int x = switch (alignment) {
                case LEFT -> 0;
                case CENTRE -> Math.max(0, (width - total) / 2);
                case RIGHT -> Math.max(0, width - total);
            };
            int baseline = (height - metrics.getHeight()) / 2 + metrics.getAscent();
            for (int i = 0; i < text.length(); ) {
                int c = text.codePointAt(i);
                String ch = new String(Character.toChars(c));
                int w = ReceiptWriter.displayWidth(ch) * cell;
                int glyph = metrics.stringWidth(ch);
                // squeeze or centre the glyph into its cell
                if (glyph > w) {
                    java.awt.geom.AffineTransform saved = g.getTransform();
                    g.translate(x, 0);
                    g.scale((double) w / glyph, 1);
                    g.drawString(ch, 0, baseline);
                    g.setTransform(saved);
                } else {
                    g.drawString(ch, x + (w - glyph) / 2, baseline);
                }
                x += w;
                i += Character.charCount(c);
            }
        } finally {
            g.dispose();
        }
        return image;
    }
}
