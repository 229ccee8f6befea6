package org.openkiosk.fonts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /** The installed package ships the fonts as files in lib/fonts of kiosk.home (ADR 0179); they come first. */
    @Test
    void theInstallationsFontFileComesBeforeTheJarsCopy(@TempDir Path home) throws Exception {
        String before = System.getProperty(BundledFonts.HOME_PROPERTY);
        try {
            System.setProperty(BundledFonts.HOME_PROPERTY, home.toString());
            assertThat(BundledFonts.REGULAR.file()).as("no lib/fonts there").isEmpty();
            try (InputStream in = BundledFonts.REGULAR.open()) {
                assertThat(in.readNBytes(4)).as("from the jar").containsExactly(0, 1, 0, 0);
            }
            Path file = Files.createDirectories(home.resolve("lib/fonts")).resolve(BundledFonts.REGULAR.fileName());
            Files.write(file, new byte[] {9, 8, 7, 6});
            assertThat(BundledFonts.REGULAR.file()).contains(file);
            try (InputStream in = BundledFonts.REGULAR.open()) {
                assertThat(in.readAllBytes()).as("the installation's file").containsExactly(9, 8, 7, 6);
            }
            assertThat(BundledFonts.BOLD.file()).as("only the files that are there").isEmpty();
        } finally {
            if (before == null) {
                System.clearProperty(BundledFonts.HOME_PROPERTY);
            } else {
                System.setProperty(BundledFonts.HOME_PROPERTY, before);
            }
        }
    }
}
