package org.openkiosk.app.ui.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.config.ConfigLoader;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.logging.PersonalDataRedactor;
import org.openkiosk.app.runtime.DefaultKioskRuntime;
import org.openkiosk.app.runtime.RuntimeFixtures;
import org.openkiosk.app.session.IdentificationMethod;
import org.openkiosk.app.ui.ShellOptions;
import org.openkiosk.app.ui.screens.identify.FaceVerificationScreen;
import org.openkiosk.app.ui.testing.FlowDriver;
import org.openkiosk.app.ui.testing.FxShell;
import org.openkiosk.device.DeviceStatistics;
import org.openkiosk.device.face.FaceMatch;

/**
 * {@code ./kiosk demo} with the repository's configuration (its services.yaml asks for card + face before
 * certificate printing): the simulated camera and matcher take the citizen through 人证核验, and the demo
 * controls make the next comparison miss.
 */
class DemoFaceVerificationTest {

    @TempDir
    Path tmp;

    private FxShell fx;
    private DefaultKioskRuntime runtime;

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
        PersonalDataRedactor.clear();
    }

    @Test
    void theDemoVerifiesTheFaceWithTheSimulatedCameraAndCanBeMadeToMiss() throws Exception {
        Path configDir = RuntimeFixtures.copyOfRepositoryConfig(tmp.resolve("config"));
        Files.copy(Path.of("..", "config", "services.yaml"), configDir.resolve("services.yaml"),
                StandardCopyOption.REPLACE_EXISTING);
        KioskConfig config = ConfigLoader.load(configDir);
        fx = FxShell.ready(config, ShellOptions.kiosk().withWindowed(true).withDemo(true), clock -> {
            runtime = DefaultKioskRuntime.start(config, configDir, tmp.resolve("data"), true, clock);
            return runtime;
        });
        assertThat(runtime.deviceProblems()).isEmpty();
        FlowDriver citizen = new FlowDriver(fx);
        runtime.demoControls().orElseThrow().nextFace(FaceMatch.NO_MATCH);

        citizen.touch("service-certificate-printing");
        citizen.placeCard();
        citizen.awaitScreen(FaceVerificationScreen.ID);
        citizen.await(() -> fx.fx(() -> fx.ctx().navigator().current() instanceof FaceVerificationScreen s
                && s.stateProperty().get() == FaceVerificationScreen.State.NO_MATCH), "the simulated miss");
        assertThat(fx.<Label>node("#face-status").getText()).startsWith("未能确认是本人");
        citizen.touch("face-retry");
        citizen.awaitScreen("identity-confirmed");
        assertThat(fx.fx(() -> fx.ctx().sessions().current().orElseThrow().method()))
                .isEqualTo(IdentificationMethod.ID_CARD_AND_FACE);
        assertThat(runtime.faceVerifier().orElseThrow().statistics().get(DeviceStatistics.VERIFICATIONS)).isEqualTo(2);
        assertThat(runtime.faceVerifier().orElseThrow().statistics().get(DeviceStatistics.MATCHES)).isEqualTo(1);
    }
}
