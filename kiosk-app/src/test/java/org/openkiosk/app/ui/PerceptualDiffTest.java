package org.openkiosk.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.openkiosk.testsupport.PerceptualDiff;

/** The golden comparison ignores anti-aliasing and one-pixel glyph shifts but sees a moved button or new text. */
class PerceptualDiffTest {

    private static BufferedImage screen(int buttonX, String text, boolean antialias, int textShift) {
        BufferedImage image = new BufferedImage(400, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, antialias
                ? RenderingHints.VALUE_TEXT_ANTIALIAS_ON : RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        g.setColor(new Color(0xee, 0xf3, 0xf8));
        g.fillRect(0, 0, 400, 200);
        g.setColor(new Color(0x0b, 0x5c, 0xab));
        g.fillRoundRect(buttonX, 120, 120, 50, 12, 12);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 28));
        g.drawString(text, 20 + textShift, 60);
        g.dispose();
        return image;
    }

    @Test
    void identicalAndOnePixelShiftedTextsAreTheSame() {
        BufferedImage golden = screen(260, "Choose a day", true, 0);
        assertThat(PerceptualDiff.compare(golden, screen(260, "Choose a day", true, 0)).changedPixels()).isZero();
        assertThat(PerceptualDiff.compare(golden, screen(260, "Choose a day", true, 1)).within(0.001)).isTrue();
    }

    @Test
    void aMovedButtonOrAChangedTitleIsARegression() {
        BufferedImage golden = screen(260, "Choose a day", true, 0);
        PerceptualDiff.Result moved = PerceptualDiff.compare(golden, screen(200, "Choose a day", true, 0));
        assertThat(moved.within(0.001)).isFalse();
        assertThat(moved.where().getRGB(205, 140) & 0xffffff).as("changed pixels marked red").isEqualTo(0xff0000);
        assertThat(PerceptualDiff.compare(golden, screen(260, "Choose a time", true, 0)).within(0.001)).isFalse();
    }

    @Test
    void aStoredGoldenIsWithinFourOfTheRenderedImageAndComparesUnchanged(@org.junit.jupiter.api.io.TempDir
                                                                          java.nio.file.Path dir) throws Exception {
        BufferedImage rendered = screen(260, "Choose a day", true, 0);
        java.nio.file.Path file = dir.resolve("golden.png");
        PerceptualDiff.writeGolden(rendered, file);
        BufferedImage stored = javax.imageio.ImageIO.read(file.toFile());
        for (int y = 0; y < rendered.getHeight(); y++) {
            for (int x = 0; x < rendered.getWidth(); x++) {
                int p = rendered.getRGB(x, y);
                int q = stored.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    assertThat(Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff)))
                            .isLessThanOrEqualTo(PerceptualDiff.STORAGE_ERROR);
                }
            }
        }
        assertThat(PerceptualDiff.compare(stored, rendered).changedPixels()).isZero();
        assertThat(PerceptualDiff.compare(stored, screen(200, "Choose a day", true, 0)).within(0.001))
                .as("a moved button is still seen against a stored golden").isFalse();
    }

    @Test
    void aDifferentSizeIsRefused() {
        assertThatThrownBy(() -> PerceptualDiff.compare(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB),
                new BufferedImage(12, 10, BufferedImage.TYPE_INT_RGB))).isInstanceOf(IllegalArgumentException.class);
    }
}
