package org.openkiosk.app.ui.theme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javafx.scene.text.Font;
import org.openkiosk.fonts.BundledFonts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the bundled Noto Sans SC into JavaFX so that the stylesheets' {@code -fx-font-family: "Noto Sans SC"}
 * resolves on a fresh machine without any system CJK font. Safe to call more than once and off the JavaFX
 * thread (before the stage shows).
 */
public final class KioskFonts {

    private static final Logger LOG = LoggerFactory.getLogger(KioskFonts.class);
    private static volatile boolean loaded;

    private KioskFonts() {}

    public static synchronized void load() {
        if (loaded) {
            return;
        }
        for (BundledFonts font : BundledFonts.values()) {
            // from a file JavaFX reads the font in place; from a stream it first copies it (10 MB each) into a
            // temporary file (ADR 0179)
            Font f = font.file().map(file -> Font.loadFont(file.toUri().toString(), 16)).orElseGet(() -> fromJar(font));
            if (f == null) {
                throw new IllegalStateException("JavaFX could not load the bundled font " + font.fileName());
            }
            LOG.debug("loaded font {} ({})", f.getName(), f.getFamily());
        }
        loaded = true;
    }

    private static Font fromJar(BundledFonts font) {
        try (InputStream in = font.open()) {
            return Font.loadFont(in, 16);
        } catch (IOException e) {
            throw new UncheckedIOException("reading bundled font " + font.fileName(), e);
        }
    }
}
