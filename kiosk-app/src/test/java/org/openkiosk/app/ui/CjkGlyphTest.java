package org.openkiosk.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openkiosk.app.ui.testing.FxShell;
import org.openkiosk.fonts.BundledFonts;
import org.testfx.util.WaitForAsyncUtils;

/** The bundled font really draws Chinese: distinct glyphs, not the identical boxes of a missing glyph. */
class CjkGlyphTest {

    @BeforeAll
    static void toolkit() {
        FxShell.toolkit();
    }

    @Test
    void bundledFamilyIsAvailableAndDrawsDistinctChineseGlyphs() throws Exception {
        assertThat(Font.getFamilies()).contains(BundledFonts.FAMILY);
        Set<String> shapes = WaitForAsyncUtils.asyncFx(() -> {
            Set<String> s = new HashSet<>();
            for (String ch : new String[] {"请", "放", "置", "证", "镕"}) {
                s.add(shape(ch));
            }
            return s;
        }).get();
        assertThat(shapes).as("five different characters give five different pictures").hasSize(5);
    }

    private static String shape(String ch) {
        Text text = new Text(ch);
        text.setFont(Font.font(BundledFonts.FAMILY, 40));
        WritableImage image = text.snapshot(new SnapshotParameters(), null);
        PixelReader reader = image.getPixelReader();
        StringBuilder sb = new StringBuilder();
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                boolean ink = reader.getColor(x, y).getBrightness() < 0.5;
                sb.append(ink ? '#' : '.');
                dark += ink ? 1 : 0;
            }
        }
        assertThat(dark).as("ink in %s", ch).isGreaterThan(20);
        assertThat(text.getFont().getFamily()).isEqualTo(BundledFonts.FAMILY);
        return sb.toString();
    }
}
