package org.openkiosk.app.ui.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/**
 * WCAG 2.x contrast of every text/background pair the themes declare ({@code -kiosk-<name>-fg} on
 * {@code -kiosk-<name>-bg} in {@code .root}): at least 4.5:1 (AA) in the normal theme and 7:1 (AAA) in elder
 * mode; and the rules colour text and backgrounds only through these names.
 */
class ThemeContrastTest {

    private static final Pattern ROOT_BLOCK = Pattern.compile("\\.root\\s*\\{([^}]*)}");
    private static final Pattern COLOUR = Pattern.compile("(-kiosk-[a-z-]+)\\s*:\\s*(#[0-9a-fA-F]{6})\\s*;");

    @Test
    void normalThemePairsMeetAa() throws IOException {
        Map<String, Color> palette = palette(Theme.NORMAL);
        assertPairs(palette, 4.5);
    }

    @Test
    void elderThemePairsMeetAaa() throws IOException {
        Map<String, Color> palette = palette(Theme.ELDER);
        assertPairs(palette, 7.0);
    }

    @Test
    void contrastFormulaMatchesKnownValues() {
        assertThat(contrast(Color.BLACK, Color.WHITE)).isCloseTo(21.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(contrast(Color.web("#777777"), Color.WHITE)).isCloseTo(4.48, org.assertj.core.data.Offset.offset(0.01));
        assertThat(contrast(Color.WHITE, Color.WHITE)).isEqualTo(1.0);
    }

    @Test
    void rulesUseOnlyThePaletteForTextAndBackgroundColours() throws IOException {
        for (String file : new String[] {Theme.BASE_CSS, Theme.ELDER_CSS}) {
            String css = ROOT_BLOCK.matcher(read(file)).replaceAll("");
            Matcher m = Pattern.compile("-fx-(text-fill|background-color)\\s*:\\s*([^;]+);").matcher(css);
            while (m.find()) {
                String value = m.group(2).trim();
                boolean named = value.startsWith("-kiosk-");
                boolean translucentScrim = value.startsWith("rgba(0, 0, 0");
                assertThat(named || translucentScrim).as("%s: -fx-%s: %s", file, m.group(1), value).isTrue();
            }
        }
    }

    private static void assertPairs(Map<String, Color> palette, double minimum) {
        int pairs = 0;
        for (var entry : palette.entrySet()) {
            if (entry.getKey().endsWith("-fg")) {
                String name = entry.getKey().substring(0, entry.getKey().length() - 3);
                Color bg = palette.get(name + "-bg");
                assertThat(bg).as("background for %s", entry.getKey()).isNotNull();
                assertThat(contrast(entry.getValue(), bg)).as("contrast of %s", name).isGreaterThanOrEqualTo(minimum);
                pairs++;
            }
        }
        assertThat(pairs).isGreaterThanOrEqualTo(8);
    }

    /** The theme's palette: elder.css overrides kiosk.css, as in the stacked stylesheets. */
    static Map<String, Color> palette(Theme theme) throws IOException {
        Map<String, Color> palette = new LinkedHashMap<>();
        for (String file : theme.stylesheetFiles()) {
            Matcher root = ROOT_BLOCK.matcher(read(file));
            assertThat(root.find()).as(".root in %s", file).isTrue();
            Matcher m = COLOUR.matcher(root.group(1));
            while (m.find()) {
                palette.put(m.group(1), Color.web(m.group(2)));
            }
        }
        return palette;
    }

    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static String read(String file) throws IOException {
        try (InputStream in = Theme.resource(file).openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
