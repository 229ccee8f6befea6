package org.openkiosk.fonts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BundledFontsTest {

    @Test
    void everyBundledFontIsATrueTypeFile() throws Exception {
        for (BundledFonts font : BundledFonts.values()) {
            try (InputStream in = font.open()) {
                byte[] head = in.readNBytes(4);
                // sfnt version 0x00010000 marks TrueType outlines, which PDFBox can subset-embed (CFF cannot)
                assertThat(head).as(font.fileName()).containsExactly(0, 1, 0, 0);
            }
        }
    }
}
