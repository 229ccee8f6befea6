package org.openkiosk.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openkiosk.app.ui.screens.attract.AttractScreen;
import org.openkiosk.app.ui.startup.StartupCheck;
import org.openkiosk.app.ui.startup.StartupProblem;
import org.openkiosk.app.ui.startup.StartupResult;
import org.openkiosk.app.ui.testing.FxShell;
import org.openkiosk.app.ui.testing.TestConfigs;
import org.testfx.util.WaitForAsyncUtils;

class OutOfServiceTest {

    private FxShell fx;

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void showsThePlainMessageAndTheCodesAndRecoversWhenARetrySucceeds() throws Exception {
        AtomicInteger checks = new AtomicInteger();
        StartupCheck check = () -> checks.incrementAndGet() < 2
                ? new StartupResult.OutOfService(List.of(StartupProblem.device("idReader", "no reply on /dev/ttyUSB0")))
                : new StartupResult.Ready(TestConfigs.sample());
        fx = FxShell.empty(ShellOptions.kiosk().withWindowed(true));
        fx.fx(() -> fx.shell.showOutOfService(
                List.of(new StartupProblem(StartupProblem.CONFIG, "config/kiosk.yaml:3 kiosk.id: missing")), check));

        assertThat(fx.shell.inService()).isFalse();
        assertThat(fx.<Label>node("#oos-code").getText()).isEqualTo("E-CONFIG");
        assertThat(fx.robot.lookup(".oos-title").<Labeled>queryLabeled().getText()).isEqualTo("暂停服务");
        assertThat(fx.robot.lookup(".oos-title-en").<Labeled>queryLabeled().getText()).isEqualTo("Out of service");
        assertThat(fx.<Label>node("#oos-retry").getText()).isEqualTo("30 秒后自动重试 / Retrying in 30 s");
        assertThat(fx.<Label>node("#oos-details").getText()).contains("kiosk.id: missing").doesNotContain("Exception");

        // not yet due: nothing happens
        var model = fx.shell.outOfService().orElseThrow().model();
        fx.clock.advance(Duration.ofSeconds(29));
        fx.fx(model::tick);
        assertThat(checks.get()).isZero();

        // first retry: still broken, now because of a device
        fx.clock.advance(Duration.ofSeconds(1));
        fx.fx(model::tick);
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> !model.retryingProperty().get());
        fx.fx(() -> { });
        assertThat(checks.get()).isEqualTo(1);
        assertThat(fx.<Label>node("#oos-code").getText()).isEqualTo("E-DEV-idReader");

        // second retry succeeds: the attract screen replaces the out-of-service screen
        fx.clock.advance(Duration.ofSeconds(30));
        fx.fx(model::tick);
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> fx.shell.inService());
        fx.fx(() -> { });
        assertThat(fx.ctx().navigator().current().id()).isEqualTo(AttractScreen.ID);
        assertThat(fx.robot.lookup("#oos-code").tryQuery()).isEmpty();
    }

    @Test
    void aCheckThatThrowsKeepsTheKioskOutOfServiceWithACodeNotAStackTrace() throws Exception {
        StartupCheck check = () -> {
            throw new IllegalStateException("boom");
        };
        fx = FxShell.empty(ShellOptions.kiosk().withWindowed(true));
        fx.fx(() -> fx.shell.showOutOfService(List.of(new StartupProblem(StartupProblem.CONFIG, "bad")), check));
        var model = fx.shell.outOfService().orElseThrow().model();
        fx.fx(model::retryNow);
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> !model.retryingProperty().get());
        fx.fx(() -> { });
        assertThat(fx.<Label>node("#oos-code").getText()).isEqualTo("E-INTERNAL");
        assertThat(fx.<Label>node("#oos-details").getText()).doesNotContain("boom").doesNotContain("at org.");
    }
}
