package org.openkiosk.app.ui.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javax.imageio.ImageIO;
import org.openkiosk.app.ui.i18n.Language;
import org.openkiosk.app.ui.theme.KioskFonts;
import org.openkiosk.app.ui.theme.Theme;

/**
 * Renders screens to PNG for review and the README: {@code scene.snapshot} → {@code SwingFXUtils} → ImageIO,
 * into {@code target/test-output/screens/}. Works headless (Monocle). Kept as test output, not committed.
 */
public final class ScreenRenderer {

    private ScreenRenderer() {}

    public static Path outputDir() {
        return Paths.get(System.getProperty("kiosk.test.output", "target/test-output"), "screens");
    }

    /** Renders any screen's view on its own in {@code theme}. Call on the JavaFX thread. */
    public static Path render(Parent view, Theme theme, double width, double height, String name) {
        KioskFonts.load();
        Scene scene = new Scene(view, width, height);
        theme.applyTo(scene);
        return render(scene, name);
    }

    /** Renders a scene as it is. Call on the JavaFX thread. */
    public static Path render(Scene scene, String name) {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        BufferedImage image = SwingFXUtils.fromFXImage(scene.snapshot(null), null);
        Path file = outputDir().resolve(name + ".png");
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
        return file;
    }

    /**
     * Renders the shell's current screen in both languages and both themes, as
     * {@code name-zh-normal.png}, {@code name-en-elder.png}, …; leaves the shell in Chinese, normal mode.
     */
    public static List<Path> renderVariants(FxShell fx, String name) {
        List<Path> files = new ArrayList<>();
        for (Language language : Language.values()) {
            for (Theme theme : Theme.values()) {
                files.add(fx.fx(() -> {
                    fx.ctx().messages().setLanguage(language);
                    fx.ctx().elderModeProperty().set(theme == Theme.ELDER);
                    return render(fx.shell.scene(), name + "-" + language.code() + "-"
                            + theme.name().toLowerCase(Locale.ROOT));
                }));
            }
        }
        fx.fx(() -> {
            fx.ctx().messages().setLanguage(Language.ZH);
            fx.ctx().elderModeProperty().set(false);
        });
        return files;
    }
}
