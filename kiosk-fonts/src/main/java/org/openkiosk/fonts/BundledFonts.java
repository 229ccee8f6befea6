package org.openkiosk.fonts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The CJK fonts shipped inside this jar (Noto Sans SC, SIL Open Font License 1.1, see {@code OFL.txt}).
 *
 * <p>Both are TrueType-outline fonts, so PDFBox can subset-embed them, JavaFX and AWT can load them from a
 * stream, and they cover GB 18030 name characters such as 䶮 and 镕.
 *
 * <p>The installed package ships them as plain files in {@code lib/fonts} of the installation
 * ({@value #HOME_PROPERTY}, set by its launcher) instead of inside this jar, so that JavaFX can open them in place
 * rather than copying 20 MB into temporary files at every start (ADR 0179). Anywhere else (a source checkout,
 * tests) they come from the class path.
 */
public enum BundledFonts {
    REGULAR("NotoSansSC-Regular.ttf"),
    BOLD("NotoSansSC-Bold.ttf");

    /** The family name that JavaFX and AWT report once the font is loaded. */
    public static final String FAMILY = "Noto Sans SC";

    /** The installation directory the package's launcher names; the fonts are in its {@code lib/fonts}. */
    public static final String HOME_PROPERTY = "kiosk.home";

    private final String fileName;

    BundledFonts(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    /** The font as a file of the installation ({@code lib/fonts} under {@value #HOME_PROPERTY}), if it ships one. */
    public Optional<Path> file() {
        String home = System.getProperty(HOME_PROPERTY);
        if (home == null || home.isBlank()) {
            return Optional.empty();
        }
        Path file = Path.of(home, "lib", "fonts", fileName);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** Opens the font: the installation's file if there is one, else the copy in this jar; the caller closes it. */
    public InputStream open() {
        Optional<Path> file = file();
        if (file.isPresent()) {
            try {
                return Files.newInputStream(file.get());
            } catch (IOException e) {
                throw new UncheckedIOException("reading bundled font " + file.get(), e);
            }
        }
        InputStream in = BundledFonts.class.getResourceAsStream(fileName);
        if (in == null) {
            throw new UncheckedIOException(new IOException("bundled font missing from the classpath: " + fileName));
        }
        return in;
    }
}
