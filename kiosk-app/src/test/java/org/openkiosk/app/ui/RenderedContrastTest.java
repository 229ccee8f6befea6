package org.openkiosk.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openkiosk.app.ui.screens.identify.IdentifyScreen;
import org.openkiosk.app.ui.testing.FxShell;
import org.openkiosk.app.ui.testing.TestConfigs;

/**
 * Contrast as rendered: for every visible text on every screen, its text colour against the nearest opaque
 * background behind it (self or ancestor), after CSS. Elder mode ≥ 7:1, normal ≥ 4.5:1.
 */
class RenderedContrastTest {

    private FxShell fx;

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void everyTextOnEveryScreenMeetsTheThemesContrast() {
        fx = FxShell.ready(TestConfigs.sample(), ShellOptions.kiosk().withWindowed(true).withDemo(true));
        check("attract");
        fx.robot.clickOn("#service-queries");
        fx.fx(() -> "110105194912310021".chars()
                .forEach(c -> ((IdentifyScreen) fx.ctx().navigator().current()).entry().press((char) c)));
        fx.robot.clickOn("#id-confirm");
        check("identify with error and disabled keys");
        fx.fx(() -> ((IdentifyScreen) fx.ctx().navigator().current()).entry().clear());
        check("identify empty");
        fx.fx(() -> "11010519491231002X".chars()
                .forEach(c -> ((IdentifyScreen) fx.ctx().navigator().current()).entry().press((char) c)));
        fx.robot.clickOn("#id-confirm");
        fx.clock.advance(Duration.ofSeconds(100));
        fx.fx(() -> fx.shell.idle().orElseThrow().tick());
        check("idle warning");
    }

    @Test
    void maintenanceScreensMeetTheThemesContrast() {
        fx = FxShell.ready(TestConfigs.sample(), ShellOptions.kiosk().withWindowed(true).withDemo(true));
        fx.fx(() -> fx.ctx().maintenance().openPinPad());
        check("maintenance PIN pad");
        fx.fx(() -> fx.ctx().navigator().show(fx.ctx().screens().maintenance()));
        check("maintenance (no runtime)");
        fx.fx(() -> {
            fx.ctx().maintenance().takeOutOfService("test");
            fx.ctx().maintenance().exit("exit");
        });
        check("maintenance out of service");
    }

    private void check(String screen) {
        check(fx, screen);
    }

    /** Every visible text on the shell's current screen meets both themes' contrast. */
    static void check(FxShell fx, String screen) {
        for (boolean elder : new boolean[] {false, true}) {
            double minimum = elder ? 7.0 : 4.5;
            List<String> failures = fx.fx(() -> {
                fx.ctx().elderModeProperty().set(elder);
                fx.shell.scene().getRoot().applyCss();
                List<String> bad = new ArrayList<>();
                List<String> checked = new ArrayList<>();
                collect(fx.shell.scene().getRoot(), minimum, bad, checked);
                assertThat(checked).as("texts checked on %s", screen).hasSizeGreaterThan(5);
                return bad;
            });
            assertThat(failures).as("%s, elder=%s", screen, elder).isEmpty();
        }
        fx.fx(() -> fx.ctx().elderModeProperty().set(false));
    }

    private static void collect(Node node, double minimum, List<String> bad, List<String> checked) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()
                && l.getTextFill() instanceof Color fg) {
            Color bg = backgroundBehind(l);
            double ratio = contrast(fg, bg);
            checked.add(l.getText());
            if (ratio < minimum) {
                bad.add(String.format("\"%s\" %s on %s = %.2f", l.getText(), fg, bg, ratio));
            }
        }
        if (node instanceof Labeled l && l.getGraphic() != null) {
            collect(l.getGraphic(), minimum, bad, checked);
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, minimum, bad, checked);
            }
        }
    }

    /** The topmost opaque solid fill of the node or its nearest ancestor that has one. */
    private static Color backgroundBehind(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof Region r && r.getBackground() != null) {
                List<BackgroundFill> fills = r.getBackground().getFills();
                for (int i = fills.size() - 1; i >= 0; i--) {
                    if (fills.get(i).getFill() instanceof Color c && c.getOpacity() == 1.0) {
                        return c;
                    }
                }
            }
        }
        throw new AssertionError("no opaque background behind " + node);
    }

    private static double contrast(Color a, Color b) {
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
}
