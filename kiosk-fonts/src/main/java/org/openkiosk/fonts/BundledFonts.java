package org.openkiosk.fonts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The CJK fonts shipped inside this jar (Noto Sans SC, SIL Open Font License 1.1, see {@code OFL.txt}).
 *
 * <p>Both are TrueType-outline fonts, so PDFBox can subset-embed them, JavaFX and AWT can load them from a
 * stream, and they cover GB 18030 name characters such as 䶮 and 镕.
 */
public enum BundledFonts {
    REGULAR("NotoSansSC-Regular.ttf"),
    BOLD("NotoSansSC-Bold.ttf");

    /** The family name that JavaFX and AWT report once the font is loaded. */
    public static final String FAMILY = "Noto Sans SC";

    private final String fileName;

    BundledFonts(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    /** Opens the font file; the caller closes the stream. */
    public InputStream open() {
        InputStream in = BundledFonts.class.getResourceAsStream(fileName);
        if (in == null) {
            throw new UncheckedIOException(new IOException("bundled font missing from the classpath: " + fileName));
        }
        return in;
    }
}
