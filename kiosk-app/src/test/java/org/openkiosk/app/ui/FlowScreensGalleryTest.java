package org.openkiosk.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javafx.scene.control.Button;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.logging.PersonalDataRedactor;
import org.openkiosk.app.service.port.PrintOutcome;
import org.openkiosk.app.ui.testing.FlowDriver;
import org.openkiosk.app.ui.testing.FlowRuntime;
import org.openkiosk.app.ui.testing.FxShell;
import org.openkiosk.app.ui.testing.ScreenRenderer;
import org.openkiosk.app.ui.testing.TestConfigs;

/**
 * Every citizen-flow screen, reached by walking the flows: each one's texts come from the bundles in both
 * languages, meet both themes' contrast as rendered, and are rendered to PNG in both themes and both languages
 * (target/test-output/screens/flow-*.png).
 */
class FlowScreensGalleryTest {

    @TempDir
    Path dir;

    private FxShell fx;
    private FlowRuntime runtime;
    private FlowDriver citizen;
    private final List<Path> files = new ArrayList<>();

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
        PersonalDataRedactor.clear();
    }

    private void start() {
        fx = FxShell.ready(TestConfigs.demoHall(), ShellOptions.kiosk().withWindowed(true).withDemo(true), clock -> {
            runtime = new FlowRuntime(TestConfigs.demoHall(), dir, clock);
            return runtime;
        });
        citizen = new FlowDriver(fx);
    }

    /** Checks and renders the current screen. */
    private void screen(String name) {
        citizen.awaitIdle();
        BundleCoverageTest.checkBothLanguages(fx, name);
        RenderedContrastTest.check(fx, name);
        files.addAll(ScreenRenderer.renderVariants(fx, "flow-" + name));
    }

    @Test
    void certificateAndQueryScreens() throws Exception {
        start();
        citizen.touch("service-certificate-printing");
        citizen.placeCard();
        citizen.awaitScreen("identity-confirmed");
        screen("identity-confirmed");
        citizen.touch("continue");
        citizen.awaitScreen("certificate-list");
        screen("certificate-list");
        citizen.touch("certificate-no-criminal-record");
        citizen.awaitScreen("certificate-preview");
        screen("certificate-preview");
        citizen.touch("print");
        citizen.awaitScreen("certificate-outcome");
        screen("certificate-printed");
        runtime.a4.thenAnswer(PrintOutcome.failed("media-empty"));
        citizen.touch("print-another");
        citizen.touch("certificate-household-registration");
        citizen.touch("print");
        citizen.awaitScreen("certificate-outcome");
        screen("certificate-paper-out");
        citizen.touch("done");
        citizen.awaitScreen("rating");
        screen("rating");
        citizen.touch("rate-very-dissatisfied");
        screen("rating-reason");
        citizen.touch("reason-device");
        citizen.awaitScreen("leaving");
        screen("leaving");
        citizen.touch("leave");

        citizen.touch("service-queries");
        citizen.placeCard();
        citizen.awaitScreen("identity-confirmed");
        citizen.touch("continue");
        citizen.awaitScreen("queries");
        screen("queries");
        citizen.touch("open-progress");
        citizen.awaitScreen("progress");
        screen("progress");
        citizen.touch("back");
        citizen.touch("open-guides");
        citizen.awaitScreen("guides");
        screen("guides");
        citizen.touch("guide-exit-entry");
        screen("guide-detail");
        assertRendered();
    }

    @Test
    void appointmentAndCheckInScreensAndElderPaging() throws Exception {
        start();
        fx.robot.clickOn("#toggle-elder");
        citizen.placeCardOnAttract();
        citizen.awaitScreen("identity-confirmed");
        screen("identity-confirmed-choose");
        citizen.touch("start-appointments");
        citizen.awaitScreen("book-service");
        screen("book-service");
        citizen.touch("book-exit-entry");
        citizen.awaitScreen("book-day");
        fx.fx(() -> fx.ctx().elderModeProperty().set(true));
        assertThat(fx.fx(() -> fx.robot.lookup("#book-days").queryParent().getChildrenUnmodifiable().size()))
                .as("elder mode shows at most five days in the strip").isLessThanOrEqualTo(5);
        assertThat(fx.<Button>node("#book-days-next").isVisible()).isTrue();
        fx.fx(() -> fx.ctx().elderModeProperty().set(false));
        assertThat(fx.fx(() -> fx.robot.lookup("#book-days").queryParent().getChildrenUnmodifiable().size()))
                .isEqualTo(7);
        screen("book-day");
        citizen.touch("day-2026-11-24");
        citizen.awaitScreen("book-slot");
        screen("book-slot");
        citizen.touch("slot-1000");
        citizen.awaitScreen("book-confirm");
        screen("book-confirm");
        citizen.touch("book");
        citizen.awaitScreen("booked");
        screen("booked");
        citizen.touch("done");
        citizen.touch("rating-skip");
        citizen.touch("leave");

        citizen.touch("service-queries");
        citizen.placeCard();
        citizen.awaitScreen("identity-confirmed");
        citizen.touch("continue");
        citizen.touch("open-appointments");
        citizen.awaitScreen("my-appointments");
        screen("my-appointments");
        citizen.touch("go-home");

        citizen.touch("service-check-in");
        citizen.placeCard();
        citizen.awaitScreen("identity-confirmed");
        citizen.touch("continue");
        citizen.awaitScreen("check-in");
        screen("check-in-no-booking");
        citizen.touch("walk-in");
        citizen.awaitScreen("walk-in");
        screen("walk-in");
        citizen.touch("walkin-household");
        citizen.awaitScreen("ticket");
        screen("ticket");
        assertRendered();
    }

    private void assertRendered() throws Exception {
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            BufferedImage image = ImageIO.read(file.toFile());
            assertThat(image.getWidth()).as(file.toString()).isEqualTo(1920);
        }
    }
}
