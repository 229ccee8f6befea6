package org.openkiosk.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openkiosk.app.ui.screens.attract.AttractScreen;
import org.openkiosk.app.ui.screens.identify.IdentifyScreen;
import org.openkiosk.app.session.KioskService;
import org.openkiosk.app.ui.testing.FxShell;
import org.openkiosk.app.ui.testing.TestConfigs;

class AttractScreenTest {

    private FxShell fx;

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void showsHallNamePromptClockAndTheFiveServiceButtons() {
        fx = FxShell.ready(TestConfigs.sample(), ShellOptions.kiosk().withWindowed(true));

        assertThat(fx.ctx().navigator().current().id()).isEqualTo(AttractScreen.ID);
        assertThat(fx.<Label>node("#hall-name").getText()).isEqualTo(TestConfigs.HALL_ZH);
        assertThat(fx.<Label>node("#attract-prompt").getText()).isEqualTo("请放置身份证或扫描二维码");
        // 2026-11-23T01:30Z is 09:30 in Shanghai, a Monday
        assertThat(fx.<Label>node("#clock").getText()).isEqualTo("2026年11月23日 星期一 09:30:00");
        assertThat(serviceTitle("#service-queries")).isEqualTo("查询");
        assertThat(serviceTitle("#service-certificate-printing")).isEqualTo("证明打印");
        assertThat(serviceTitle("#service-appointments")).isEqualTo("预约");
        assertThat(serviceTitle("#service-check-in")).isEqualTo("签到取号");
        assertThat(serviceTitle("#service-certificate-check")).isEqualTo("证明核验");
        assertThat(fx.robot.lookup(".service-button").<javafx.scene.Node>queryAll()).hasSize(5).allMatch(javafx.scene.Node::isVisible);
        assertThat(fx.robot.lookup("#demo-flag").tryQuery()).isEmpty();
    }

    @Test
    void demoModeShowsTheDemoFlag() {
        fx = FxShell.ready(TestConfigs.sample(), ShellOptions.kiosk().withWindowed(true).withDemo(true));
        assertThat(fx.<Label>node("#demo-flag").getText()).isEqualTo("演示模式 DEMO");
    }

    @Test
    void aTestInstallationShowsItsFlagLikeTheDemo() {
        var sample = TestConfigs.sample();
        var test = new org.openkiosk.app.config.KioskConfig(new org.openkiosk.app.config.KioskIdentity("K-0102",
                "H-0101", sample.kiosk().hallNameZh(), sample.kiosk().hallNameEn(), true), sample.ui(),
                sample.devices(), sample.store());
        fx = FxShell.ready(test, ShellOptions.kiosk().withWindowed(true));
        assertThat(fx.<Label>node("#test-installation-flag").getText()).isEqualTo("测试安装 TEST");
        assertThat(fx.robot.lookup("#demo-flag").tryQuery()).isEmpty();
    }

    @Test
    void aServiceButtonLeadsToTheIdentifyScreenForThatService() {
        fx = FxShell.ready(TestConfigs.sample(), ShellOptions.kiosk().withWindowed(true));
        fx.robot.clickOn("#service-certificate-printing");
        fx.fx(() -> { });
        assertThat(fx.ctx().navigator().current()).isInstanceOfSatisfying(IdentifyScreen.class,
                s -> assertThat(s.service()).isEqualTo(KioskService.CERTIFICATE_PRINTING));
        assertThat(fx.robot.lookup("#attract-prompt").tryQuery()).isEmpty();
    }

    @Test
    void theClockTicksFromTheInjectedClock() {
        fx = FxShell.ready(TestConfigs.sample(), ShellOptions.kiosk().withWindowed(true));
        fx.clock.advance(java.time.Duration.ofMinutes(5));
        fx.fx(() -> ((org.openkiosk.app.ui.widgets.ClockLabel) fx.node("#clock")).refresh());
        assertThat(fx.<Label>node("#clock").getText()).endsWith("09:35:00");
    }

    private String serviceTitle(String id) {
        Button b = fx.node(id);
        return fx.robot.from(b).lookup(".service-title").<Labeled>query().getText();
    }
}
