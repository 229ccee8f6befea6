package org.openkiosk.app.certificate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.openkiosk.fonts.BundledFonts;

/**
 * The bundled Noto Sans SC fonts, parsed once per process (parsing costs 0.3–0.7 s; loading the parsed font
 * into each new document costs milliseconds). fontbox fonts are not thread-safe: hold {@link #LOCK} while a
 * document uses them.
 */
public final class CertificateFonts {

    /** Guards every use of the shared parsed fonts. */
    public static final Object LOCK = new Object();

    private CertificateFonts() {}

    public static TrueTypeFont regular() {
        return Regular.FONT;
    }

    public static TrueTypeFont bold() {
        return Bold.FONT;
    }

    /** Parses a fresh copy (for benchmarks that measure the cold path). */
    public static TrueTypeFont parse(BundledFonts which) {
        try (InputStream in = which.open()) {
            return new TTFParser().parse(new RandomAccessReadBuffer(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse bundled font " + which.fileName(), e);
        }
    }

    private static final class Regular {
        static final TrueTypeFont FONT = parse(BundledFonts.REGULAR);
    }

    private static final class Bold {
        static final TrueTypeFont FONT = parse(BundledFonts.BOLD);
    }
}
