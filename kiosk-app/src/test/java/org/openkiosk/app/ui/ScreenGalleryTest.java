package org.openkiosk.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openkiosk.app.ui.screens.identify.IdentifyScreen;
import org.openkiosk.app.ui.startup.StartupProblem;
import org.openkiosk.app.ui.startup.StartupResult;
import org.openkiosk.app.ui.testing.FxShell;
import org.openkiosk.app.ui.testing.ScreenRenderer;
import org.openkiosk.app.ui.testing.TestConfigs;
import org.openkiosk.app.ui.theme.Theme;

/** Every screen rendered to PNG in both themes and both languages, kept under target/test-output/screens. */
class ScreenGalleryTest {

    private FxShell fx;

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void rendersEveryScreenInBothThemesAndLanguages() throws Exception {
        fx = FxShell.ready(TestConfigs.sample(), ShellOptions.kiosk().withWindowed(true).withDemo(true));
        List<Path> files = new ArrayList<>(ScreenRenderer.renderVariants(fx, "attract"));

        fx.robot.clickOn("#service-certificate-printing");
        fx.fx(() -> "110105194912".chars()
                .forEach(c -> ((IdentifyScreen) fx.ctx().navigator().current()).entry().press((char) c)));
        files.addAll(ScreenRenderer.renderVariants(fx, "identify"));

        fx.fx(() -> "310021".chars()
                .forEach(c -> ((IdentifyScreen) fx.ctx().navigator().current()).entry().press((char) c)));
        fx.robot.clickOn("#id-confirm");
        files.addAll(ScreenRenderer.renderVariants(fx, "identify-error"));

        fx.fx(() -> {
            var screen = (IdentifyScreen) fx.ctx().navigator().current();
            screen.entry().clear();
            "11010519491231002X".chars().forEach(c -> screen.entry().press((char) c));
        });
        fx.robot.clickOn("#id-confirm");
        files.addAll(ScreenRenderer.renderVariants(fx, "identity-confirmed"));

        fx.clock.advance(Duration.ofSeconds(95));
        fx.fx(() -> fx.shell.idle().orElseThrow().tick());
        files.addAll(ScreenRenderer.renderVariants(fx, "idle-warning"));

        files.add(fx.fx(() -> {
            FxShell.toolkit();
            var oos = new org.openkiosk.app.ui.screens.outofservice.OutOfServiceScreen(
                    new org.openkiosk.app.ui.screens.outofservice.OutOfServiceViewModel(
                            List.of(new StartupProblem("E-CONFIG", "config/kiosk.yaml:7 ui.language: unknown \"fr\"")),
                            () -> new StartupResult.OutOfService(List.of(new StartupProblem("E-CONFIG", "x"))),
                            fx.work, fx.clock, Duration.ofSeconds(30), c -> { }));
            return ScreenRenderer.render(oos.view(), Theme.NORMAL, 1920, 1080, "out-of-service");
        }));

        assertThat(files).hasSize(21);
        for (Path file : files) {
            BufferedImage image = ImageIO.read(file.toFile());
            assertThat(image.getWidth()).as(file.toString()).isEqualTo(1920);
            assertThat(distinctColours(image)).as("%s is not blank", file).isGreaterThan(20);
        }
    }

    @Test
    void rendersTheMaintenanceScreens() throws Exception {
        fx = FxShell.ready(TestConfigs.sample(), ShellOptions.kiosk().withWindowed(true).withDemo(true));
        fx.fx(() -> fx.ctx().maintenance().openPinPad());
        List<Path> files = new ArrayList<>(ScreenRenderer.renderVariants(fx, "maintenance-pin"));
        fx.fx(() -> fx.ctx().navigator().show(fx.ctx().screens().maintenance()));
        files.addAll(ScreenRenderer.renderVariants(fx, "maintenance"));
        fx.fx(() -> {
            fx.ctx().maintenance().takeOutOfService("technician maintenance");
            fx.ctx().maintenance().exit("exit");
        });
        files.add(fx.fx(() -> ScreenRenderer.render(fx.shell.scene(), "maintenance-out-of-service")));
        assertThat(files).hasSize(9);
        for (Path file : files) {
            BufferedImage image = ImageIO.read(file.toFile());
            assertThat(distinctColours(image)).as("%s is not blank", file).isGreaterThan(20);
        }
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
