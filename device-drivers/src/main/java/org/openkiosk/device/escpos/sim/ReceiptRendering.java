package org.openkiosk.device.escpos.sim;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openkiosk.device.escpos.Alignment;
import org.openkiosk.device.escpos.BundledFontRenderer;
import org.openkiosk.device.escpos.PaperWidth;

/**
 * Renders decoded tokens the way a printer would lay them out: as text lines (for assertions and logs) and as a
 * picture of the paper (for technicians and for decoding the printed QR code again).
 */
public final class ReceiptRendering {

    private ReceiptRendering() {}

    /** Text lines; QR codes as {@code [QR] payload}, images as {@code [image W×H]}, cuts as {@code --- cut ---}. */
    public static List<String> text(List<EscPosToken> tokens) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        boolean pending = false;
        String qr = null;
        for (EscPosToken token : tokens) {
            if (token instanceof EscPosToken.Text t) {
                line.append(t.text());
                pending = true;
            } else if (token instanceof EscPosToken.LineFeed) {
                lines.add(line.toString());
                line.setLength(0);
                pending = false;
            } else if (token instanceof EscPosToken.Feed f) {
                lines.add(line.toString());
                line.setLength(0);
                pending = false;
                for (int i = 1; i < f.lines(); i++) {
                    lines.add("");
                }
            } else if (token instanceof EscPosToken.QrStore s) {
                qr = s.payload();
            } else if (token instanceof EscPosToken.QrPrint) {
                lines.add("[QR] " + (qr == null ? "(no data stored)" : qr));
            } else if (token instanceof EscPosToken.Raster r) {
                if (pending) {
                    lines.add(line.toString());
                    line.setLength(0);
                    pending = false;
                }
                lines.add("[image " + r.bitmap().widthDots() + "×" + r.bitmap().height() + "]");
            } else if (token instanceof EscPosToken.Cut) {
                if (pending) {
                    lines.add(line.toString());
                    line.setLength(0);
                    pending = false;
                }
                lines.add("--- cut ---");
            }
        }
        if (pending) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** A picture of the paper, {@code paper.dots()} wide, black on white. */
    public static BufferedImage image(List<EscPosToken> tokens, PaperWidth paper) {
        List<BufferedImage> strips = new ArrayList<>();
        int width = paper.dots();
        StringBuilder line = new StringBuilder();
        boolean pending = false;
        Alignment alignment = Alignment.LEFT;
        boolean bold = false;
        int height = 1;
        int widthMul = 1;
        String qr = null;
        int moduleSize = 3;
        for (EscPosToken token : tokens) {
            if (token instanceof EscPosToken.Text t) {
                line.append(t.text());
                pending = true;
            } else if (token instanceof EscPosToken.LineFeed || token instanceof EscPosToken.Feed) {
                strips.add(BundledFontRenderer.renderCells(line.toString(), width, widthMul, height, bold, alignment));
                line.setLength(0);
                pending = false;
                if (token instanceof EscPosToken.Feed f && f.lines() > 1) {
                    strips.add(blank(width, 30 * (f.lines() - 1)));
                }
            } else if (token instanceof EscPosToken.Align a) {
                alignment = a.mode() % 48 == 1 ? Alignment.CENTRE : a.mode() % 48 == 2 ? Alignment.RIGHT : Alignment.LEFT;
            } else if (token instanceof EscPosToken.Bold b) {
                bold = b.on();
            } else if (token instanceof EscPosToken.Size s) {
                height = s.height();
                widthMul = s.width();
            } else if (token instanceof EscPosToken.Initialise) {
                alignment = Alignment.LEFT;
                bold = false;
                height = 1;
                widthMul = 1;
            } else if (token instanceof EscPosToken.QrSetting s && s.function() == 0x43) {
                moduleSize = Math.max(1, Math.min(16, s.value()));
            } else if (token instanceof EscPosToken.QrStore s) {
                qr = s.payload();
            } else if (token instanceof EscPosToken.QrPrint && qr != null) {
                strips.add(qrStrip(qr, moduleSize, width));
            } else if (token instanceof EscPosToken.Raster r) {
                strips.add(place(r.bitmap().toImage(), width, Alignment.LEFT));
            } else if (token instanceof EscPosToken.Cut) {
                strips.add(cutStrip(width));
            }
        }
        if (pending) {
            strips.add(BundledFontRenderer.renderCells(line.toString(), width, widthMul, height, bold, alignment));
        }
        int total = Math.max(1, strips.stream().mapToInt(BufferedImage::getHeight).sum());
        BufferedImage paperImage = blank(width, total);
        Graphics2D g = paperImage.createGraphics();
        try {
            int y = 0;
            for (BufferedImage strip : strips) {
                g.drawImage(strip, 0, y, null);
                y += strip.getHeight();
            }
        } finally {
            g.dispose();
        }
        return paperImage;
    }

    private static BufferedImage qrStrip(String payload, int moduleSize, int width) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(payload, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                            EncodeHintType.MARGIN, 4));
            int side = matrix.getWidth() * moduleSize;
            BufferedImage code = blank(side, side);
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    if (matrix.get(x, y)) {
                        for (int dy = 0; dy < moduleSize; dy++) {
                            for (int dx = 0; dx < moduleSize; dx++) {
                                code.setRGB(x * moduleSize + dx, y * moduleSize + dy, 0xFF000000);
                            }
                        }
                    }
                }
            }
            return place(code, width, Alignment.CENTRE);
        } catch (WriterException | IllegalArgumentException e) {
            return BundledFontRenderer.renderLine("[QR too large: " + e.getMessage() + "]", width, 1, false, Alignment.LEFT);
        }
    }

    private static BufferedImage place(BufferedImage picture, int width, Alignment alignment) {
        BufferedImage strip = blank(width, picture.getHeight());
        Graphics2D g = strip.createGraphics();
        try {
            int x = alignment == Alignment.CENTRE ? (width - picture.getWidth()) / 2 : 0;
            g.drawImage(picture, Math.max(0, x), 0, null);
        } finally {
            g.dispose();
        }
        return strip;
    }

    private static BufferedImage cutStrip(int width) {
        BufferedImage strip = blank(width, 12);
        for (int x = 0; x < width; x += 8) {
            for (int dx = 0; dx < 4 && x + dx < width; dx++) {
                strip.setRGB(x + dx, 6, 0xFF000000);
            }
        }
        return strip;
    }

    private static BufferedImage blank(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
        } finally {
            g.dispose();
        }
        return image;
    }
}
