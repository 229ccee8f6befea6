package org.openkiosk.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openkiosk.app.session.CitizenSession;
import org.openkiosk.app.ui.i18n.Language;
import org.openkiosk.app.ui.idle.IdleController;
import org.openkiosk.app.ui.screens.attract.AttractScreen;
import org.openkiosk.app.ui.screens.identify.IdentityConfirmedScreen;
import org.openkiosk.app.ui.testing.FxShell;
import org.openkiosk.app.ui.testing.TestConfigs;

/** The idle timer on a screen mid-flow: visible warning with ≥ 20 s, one touch extends, then reset and wipe. */
class IdleResetTest {

    private FxShell fx;

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void warningAppearsOneTouchExtendsAndTheResetWipesTheSession() {
        fx = FxShell.ready(TestConfigs.sample(), ShellOptions.kiosk().withWindowed(true));
        CitizenSession session = identifyByKeypad();
        fx.fx(() -> fx.ctx().elderModeProperty().set(true));
        fx.fx(() -> fx.ctx().messages().setLanguage(Language.EN));
        IdleController idle = fx.shell.idle().orElseThrow();

        // 89 s idle: still quiet
        fx.clock.advance(Duration.ofSeconds(89));
        fx.fx(idle::tick);
        assertThat(fx.node("#idle-overlay").isVisible()).isFalse();

        // 90 s: the warning shows a countdown of the full 30 s
        fx.clock.advance(Duration.ofSeconds(1));
        fx.fx(idle::tick);
        assertThat(fx.node("#idle-overlay").isVisible()).isTrue();
        assertThat(fx.<Label>node("#idle-countdown").getText()).startsWith("In 30 seconds");

        // one touch anywhere extends
        fx.robot.clickOn("#idle-stay");
        fx.fx(idle::tick);
        assertThat(fx.node("#idle-overlay").isVisible()).isFalse();
        assertThat(fx.ctx().navigator().current().id()).isEqualTo(IdentityConfirmedScreen.ID);
        assertThat(session.isWiped()).isFalse();

        // left alone again: warning, then reset after the warning has run out
        fx.clock.advance(Duration.ofSeconds(100));
        fx.fx(idle::tick);
        assertThat(fx.node("#idle-overlay").isVisible()).isTrue();
        assertThat(idle.monitor().secondsLeft()).isEqualTo(20);
        fx.clock.advance(Duration.ofSeconds(20));
        fx.fx(idle::tick);

        assertThat(session.isWiped()).isTrue();
        assertThat(fx.ctx().sessions().isActive()).isFalse();
        assertThat(fx.ctx().navigator().current().id()).isEqualTo(AttractScreen.ID);
        assertThat(fx.node("#idle-overlay").isVisible()).isFalse();
        // the next citizen gets the configured language and normal mode back
        assertThat(fx.ctx().messages().language()).isEqualTo(Language.ZH);
        assertThat(fx.ctx().elderModeProperty().get()).isFalse();
    }

    @Test
    void idleTimeDoesNotRunOutWhileTheKioskWorksForTheCitizen() throws Exception {
        fx = FxShell.ready(TestConfigs.sample(), ShellOptions.kiosk().withWindowed(true));
        CitizenSession session = identifyByKeypad();
        IdleController idle = fx.shell.idle().orElseThrow();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        // e.g. a certificate job that takes its full 120 s while the citizen waits without touching
        fx.fx(() -> {
            fx.work.run(() -> {
                release.await();
                return null;
            }, ok -> { }, failure -> { });
        });
        for (int s = 0; s < 200; s += 10) {
            fx.clock.advance(Duration.ofSeconds(10));
            fx.fx(idle::tick);
            assertThat(fx.node("#idle-overlay").isVisible()).as("no warning %d s into the work", s + 10).isFalse();
        }
        assertThat(session.isWiped()).isFalse();

        release.countDown();
        org.testfx.util.WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                () -> !fx.fx(() -> fx.work.busyProperty().get()));
        fx.fx(idle::tick);
        // from the end of the work, the usual 90 s idle timeout of the sample configuration
        fx.clock.advance(Duration.ofSeconds(89));
        fx.fx(idle::tick);
        assertThat(fx.node("#idle-overlay").isVisible()).isFalse();
        fx.clock.advance(Duration.ofSeconds(1));
        fx.fx(idle::tick);
        assertThat(fx.node("#idle-overlay").isVisible()).isTrue();
        assertThat(fx.ctx().navigator().current().id()).isEqualTo(IdentityConfirmedScreen.ID);
    }

    @Test
    void theAttractScreenHasNoIdleTimer() {
        fx = FxShell.ready(TestConfigs.sample(), ShellOptions.kiosk().withWindowed(true));
        IdleController idle = fx.shell.idle().orElseThrow();
        fx.clock.advance(Duration.ofHours(3));
        fx.fx(idle::tick);
        assertThat(fx.node("#idle-overlay").isVisible()).isFalse();
        assertThat(fx.ctx().navigator().current().id()).isEqualTo(AttractScreen.ID);
    }

    @Test
    void theTimelineDrivesTheWarningWithoutATestCallingTick() {
        fx = FxShell.ready(TestConfigs.sample(), ShellOptions.kiosk().withWindowed(true));
        fx.robot.clickOn("#service-queries");
        fx.clock.advance(Duration.ofSeconds(95));
        // the 250 ms timeline notices by itself (no tick called here)
        org.openkiosk.testsupport.Poll.until(Duration.ofSeconds(5), "the warning shown by the timeline",
                () -> fx.fx(() -> fx.node("#idle-overlay").isVisible()));
    }

    private CitizenSession identifyByKeypad() {
        fx.robot.clickOn("#service-certificate-printing");
        for (char c : "11010519491231002X".toCharArray()) {
            fx.robot.clickOn("#key-" + c);
        }
        fx.robot.clickOn("#id-confirm");
        fx.fx(() -> { });
        assertThat(fx.ctx().navigator().current().id()).isEqualTo(IdentityConfirmedScreen.ID);
        assertThat(fx.<Label>node("#confirmed-id").getText()).isEqualTo("1101**********002X");
        return fx.ctx().sessions().current().orElseThrow();
    }
}
