package org.openkiosk.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openkiosk.app.ui.testing.FxShell;
import org.openkiosk.app.ui.testing.TestConfigs;

/** Elder mode measured on the rendered nodes: larger type (body ≥ 30 px) and touch targets (≥ 60 px). */
class ElderModeTest {

    private FxShell fx;

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void theElderToggleEnlargesTextAndTouchTargetsAndSwitchesBack() {
        fx = FxShell.ready(TestConfigs.sample(), ShellOptions.kiosk().withWindowed(true));
        double normalPrompt = fontSize("#attract-prompt");
        double normalHint = fontSize(".service-hint");
        double normalButton = fx.<Region>node("#service-queries").getMinHeight();

        fx.robot.clickOn("#toggle-elder");
        fx.fx(() -> { });

        assertThat(fx.ctx().elderModeProperty().get()).isTrue();
        assertThat(fx.shell.scene().getRoot().getStyleClass()).contains("elder");
        assertThat(fontSize("#attract-prompt")).isGreaterThan(normalPrompt);
        assertThat(fontSize(".service-hint")).isGreaterThanOrEqualTo(30).isGreaterThan(normalHint);
        // the buttons share the free height, so compare the styled minimum, then the real size against it
        assertThat(fx.<Region>node("#service-queries").getMinHeight()).isGreaterThan(normalButton);
        assertThat(fx.<Region>node("#service-queries").getHeight())
                .isGreaterThanOrEqualTo(fx.<Region>node("#service-queries").getMinHeight());
        assertThat(fx.<Labeled>node("#toggle-elder").getText()).isEqualTo("标准模式");

        // on the keypad screen every visible text is ≥ 30 px and every button ≥ 60 px high and wide
        fx.robot.clickOn("#service-queries");
        fx.fx(() -> { });
        for (Node n : fx.robot.lookup(".screen .labeled").queryAll()) {
            if (n instanceof Labeled l && l.isVisible() && !l.getText().isEmpty()) {
                assertThat(l.getFont().getSize()).as("font of %s", l.getText()).isGreaterThanOrEqualTo(30);
            }
        }
        for (Node n : fx.robot.lookup(".button").queryAll()) {
            Region r = (Region) n;
            assertThat(r.getHeight()).as("height of %s", n.getId()).isGreaterThanOrEqualTo(60);
            assertThat(r.getWidth()).as("width of %s", n.getId()).isGreaterThanOrEqualTo(60);
        }

        fx.robot.clickOn("#toggle-elder");
        fx.fx(() -> { });
        assertThat(fx.shell.scene().getRoot().getStyleClass()).doesNotContain("elder");
        assertThat(fx.<Button>node("#key-1").getFont().getSize()).isLessThan(44);
    }

    @Test
    void theConfiguredElderModeApplesFromTheStart() {
        var ui = TestConfigs.sample().ui();
        fx = FxShell.ready(TestConfigs.withUi(new org.openkiosk.app.config.UiSettings(ui.language(), true,
                ui.idleTimeout(), ui.idleWarning(), ui.touchMode())), ShellOptions.kiosk().withWindowed(true));
        assertThat(fontSize(".service-hint")).isGreaterThanOrEqualTo(30);
        assertThat(fx.<Region>node("#service-queries").getHeight()).isGreaterThanOrEqualTo(240);
    }

    @Test
    void headerTogglesKeepTheirWholeTextInElderModeAndEnglish() {
        var sample = TestConfigs.sample();
        var longHallName = new org.openkiosk.app.config.KioskConfig(new org.openkiosk.app.config.KioskIdentity("K-0101",
                "H-3101", "市公安局政务服务中心24小时自助服务区",
                "City Public Security Service Centre — 24-hour self-service area"),
                sample.ui(), sample.devices(), sample.store());
        fx = FxShell.ready(longHallName, ShellOptions.kiosk().withWindowed(true).withDemo(true));
        fx.robot.clickOn("#toggle-language");
        fx.robot.clickOn("#toggle-elder");
        fx.fx(() -> { });
        for (String id : new String[] {"#demo-flag", "#toggle-elder", "#toggle-language"}) {
            Labeled toggle = fx.node(id);
            // the skin shows an ellipsis when a label is narrower than its text: a citizen could not read it
            javafx.scene.text.Text shown = (javafx.scene.text.Text) toggle.lookup(".text");
            assertThat(shown.getText()).as("text shown in %s", id).isEqualTo(toggle.getText());
        }
    }

    private double fontSize(String query) {
        return fx.<Labeled>node(query).getFont().getSize();
    }
}
