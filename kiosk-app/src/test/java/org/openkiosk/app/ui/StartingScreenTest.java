package org.openkiosk.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openkiosk.app.ui.screens.attract.AttractScreen;
import org.openkiosk.app.ui.startup.StartupProblem;
import org.openkiosk.app.ui.testing.FxShell;
import org.openkiosk.app.ui.testing.TestConfigs;

/** The attract screen drawn before the runtime opens offers nothing until the kiosk serves (ADR 0128). */
class StartingScreenTest {

    private FxShell fx;

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void theStartingAttractScreenIsDisabledAndSaysStartingUntilTheRuntimeIsThere() {
        fx = FxShell.empty(ShellOptions.kiosk().withWindowed(true));
        fx.fx(() -> fx.shell.showStarting(TestConfigs.sample()));

        assertThat(fx.shell.starting()).isTrue();
        assertThat(fx.shell.inService()).isFalse();
        assertThat(fx.shell.statusLine()).isEqualTo("starting");
        Node starting = fx.node("#kiosk-starting");
        assertThat(starting.isDisabled()).isTrue();
        Button tile = fx.node("#service-queries");
        assertThat(tile.isDisabled()).as("a disabled parent disables the tiles").isTrue();
        assertThat(fx.robot.lookup("#attract-prompt").tryQuery()).isPresent();

        fx.fx(() -> fx.shell.showReady(TestConfigs.sample()));
        assertThat(fx.shell.starting()).isFalse();
        assertThat(fx.shell.inService()).isTrue();
        assertThat(fx.shell.statusLine()).isEqualTo("serving");
        assertThat(fx.robot.lookup("#kiosk-starting").tryQuery()).isEmpty();
        assertThat(fx.ctx().navigator().current().id()).isEqualTo(AttractScreen.ID);
        assertThat(fx.<Button>node("#service-queries").isDisabled()).isFalse();
    }

    @Test
    void aRuntimeThatCannotOpenReplacesItWithTheOutOfServiceScreen() {
        fx = FxShell.empty(ShellOptions.kiosk().withWindowed(true));
        fx.fx(() -> fx.shell.showStarting(TestConfigs.sample()));
        fx.fx(() -> fx.shell.showOutOfService(List.of(StartupProblem.device("idReader", "no reply")),
                () -> { throw new IllegalStateException("not retried here"); }));

        assertThat(fx.shell.starting()).isFalse();
        assertThat(fx.shell.statusLine()).startsWith("out of service").contains("E-DEV-idReader");
        assertThat(fx.robot.lookup("#kiosk-starting").tryQuery()).isEmpty();
    }
}
