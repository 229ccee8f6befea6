package org.openkiosk.app.ui.theme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.text.Font;
import org.openkiosk.fonts.BundledFonts;

/**
 * Loads the bundled Noto Sans SC into JavaFX so that the stylesheets' {@code -fx-font-family: "Noto Sans SC"}
 * resolves on a fresh machine without any system CJK font. Safe to call more than once and off the JavaFX
 * thread (before the stage shows).
 *
 * <p>No logger here: {@link org.openkiosk.app.ui.ToolkitStart} loads the fonts before the command line has set up
 * logging, and a logger made then would start Logback's bootstrap on the toolkit's thread (ADR 0179). A font that
 * does not load is thrown; what loaded is kept for the launcher to log ({@link #faces()}).
 */
public final class KioskFonts {

    private static volatile List<String> faces = List.of();

    private KioskFonts() {}

    public static synchronized void load() {
        if (!faces.isEmpty()) {
            return;
        }
        List<String> loaded = new ArrayList<>();
        for (BundledFonts font : BundledFonts.values()) {
            // from a file JavaFX reads the font in place; from a stream it first copies it (10 MB each) into a
            // temporary file (ADR 0179)
            Font f = font.file().map(file -> Font.loadFont(file.toUri().toString(), 16)).orElseGet(() -> fromJar(font));
            if (f == null) {
                throw new IllegalStateException("JavaFX could not load the bundled font " + font.fileName());
            }
            loaded.add(f.getName() + " (" + f.getFamily() + ")");
        }
        faces = List.copyOf(loaded);
    }

    /** The faces {@link #load()} loaded, as "name (family)"; empty before. */
    public static List<String> faces() {
        return faces;
    }

    private static Font fromJar(BundledFonts font) {
        try (InputStream in = font.open()) {
            return Font.loadFont(in, 16);
        } catch (IOException e) {
            throw new UncheckedIOException("reading bundled font " + font.fileName(), e);
        }
    }
}
