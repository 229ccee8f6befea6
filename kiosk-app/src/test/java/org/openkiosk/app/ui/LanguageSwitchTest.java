package org.openkiosk.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Labeled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openkiosk.app.ui.i18n.Language;
import org.openkiosk.app.ui.testing.FxShell;
import org.openkiosk.app.ui.testing.TestConfigs;

/** The language toggle re-labels the screen that is showing, without navigating. */
class LanguageSwitchTest {

    private FxShell fx;

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void switchingToEnglishAndBackRelabelsTheCurrentScreenLive() {
        fx = FxShell.ready(TestConfigs.sample(), ShellOptions.kiosk().withWindowed(true));
        var attract = fx.ctx().navigator().current();
        assertThat(text("#toggle-language")).isEqualTo("English");

        fx.robot.clickOn("#toggle-language");
        fx.fx(() -> { });

        assertThat(fx.ctx().navigator().current()).isSameAs(attract);
        assertThat(fx.ctx().messages().language()).isEqualTo(Language.EN);
        assertThat(text("#attract-prompt")).isEqualTo("Place your ID card or scan a code");
        assertThat(text("#hall-name")).isEqualTo(TestConfigs.HALL_EN);
        assertThat(text("#toggle-language")).isEqualTo("中文");
        assertThat(text("#clock")).isEqualTo("Mon 23 Nov 2026  09:30:00");

        // on the keypad screen an error message follows the language too
        fx.robot.clickOn("#service-appointments");
        fx.fx(() -> {
            var identify = (org.openkiosk.app.ui.screens.identify.IdentifyScreen) fx.ctx().navigator().current();
            "11010519491231002".chars().forEach(c -> identify.entry().press((char) c));
        });
        fx.robot.clickOn("#key-1"); // wrong check character (should be X)
        fx.robot.clickOn("#id-confirm");
        fx.fx(() -> { });
        assertThat(text("#id-error")).startsWith("The number does not pass the check");
        fx.robot.clickOn("#toggle-language");
        fx.fx(() -> { });
        assertThat(text("#id-error")).startsWith("号码校验未通过");
        assertThat(fx.ctx().sessions().isActive()).isFalse();
        assertThat(text(".screen-title")).isEqualTo("请验证身份");
    }

    @Test
    void theConfiguredLanguageIsTheStartLanguage() {
        var ui = TestConfigs.sample().ui();
        fx = FxShell.ready(TestConfigs.withUi(new org.openkiosk.app.config.UiSettings("en", false,
                ui.idleTimeout(), ui.idleWarning(), ui.touchMode())), ShellOptions.kiosk().withWindowed(true));
        assertThat(text("#attract-prompt")).isEqualTo("Place your ID card or scan a code");
    }

    @Test
    void anUnknownConfiguredLanguageFallsBackToChineseInsteadOfFailing() {
        var ui = TestConfigs.sample().ui();
        fx = FxShell.ready(TestConfigs.withUi(new org.openkiosk.app.config.UiSettings("fr", false,
                ui.idleTimeout(), ui.idleWarning(), ui.touchMode())), ShellOptions.kiosk().withWindowed(true));
        assertThat(text("#attract-prompt")).isEqualTo("请放置身份证或扫描二维码");
    }

    private String text(String query) {
        return fx.<Labeled>node(query).getText();
    }
}
