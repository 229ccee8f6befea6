package org.openkiosk.app.ui.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.event.Event;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.config.ConfigLoader;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.runtime.DefaultKioskRuntime;
import org.openkiosk.app.runtime.RuntimeFixtures;
import org.openkiosk.app.ui.ShellOptions;
import org.openkiosk.app.ui.testing.FxShell;
import org.openkiosk.device.scanner.WedgeScanner;

/**
 * A keyboard-wedge (USB HID) scanner configured as {@code driver: wedge}: its keystrokes arrive as key events in
 * the scene, the shell forwards them to the wedge decoder, and a fast burst ended by Enter reaches the armed
 * screen as one code — while the keys a person types slowly are left alone.
 */
class WedgeScannerInputTest {

    @TempDir
    Path tmp;

    private FxShell fx;
    private DefaultKioskRuntime runtime;
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private final List<String> reachedTheScreen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        Path configDir = RuntimeFixtures.copyOfRepositoryConfig(tmp.resolve("config"));
        Path kioskYaml = configDir.resolve("kiosk.yaml");
        String yaml = Files.readString(kioskYaml);
        String wedge = yaml.replace("  scanner:\n    driver: serial-scanner\n    uri: \"sim:\"", "  scanner:\n    driver: wedge\n    uri: \"wedge:\"");
        assertThat(wedge).isNotEqualTo(yaml);
        Files.writeString(kioskYaml, wedge);
        KioskConfig config = ConfigLoader.load(configDir);
        fx = FxShell.ready(config, ShellOptions.kiosk().withWindowed(true).withDemo(true), clock -> {
            runtime = DefaultKioskRuntime.start(config, configDir, tmp.resolve("data"), true, clock);
            return runtime;
        });
        assertThat(runtime.scanner()).get().isInstanceOf(WedgeScanner.class);
        fx.fx(() -> fx.shell.scene().getRoot().addEventHandler(KeyEvent.KEY_TYPED,
                e -> reachedTheScreen.add(e.getCharacter())));
    }

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void aFastBurstEndedByEnterReachesTheArmedScreenAsOneCode() {
        runtime.scanner().orElseThrow().arm(delivered::add);
        fx.fx(() -> type("OKAPPT1:ABC123\r"));
        assertThat(delivered).containsExactly("OKAPPT1:ABC123");
        assertThat(reachedTheScreen).doesNotContain("\r"); // the completing key was consumed
        assertThat(runtime.scanner().orElseThrow().isArmed()).isFalse();
    }

    @Test
    void slowTypingIsNotTakenForAScan() throws Exception {
        runtime.scanner().orElseThrow().arm(delivered::add);
        for (char c : "1234\r".toCharArray()) {
            fx.fx(() -> type(String.valueOf(c)));
            Thread.sleep(80); // a person, not a scanner
        }
        assertThat(delivered).isEmpty();
        assertThat(reachedTheScreen).contains("1", "2", "3", "4");
    }

    private void type(String keys) {
        for (char c : keys.toCharArray()) {
            Event.fireEvent(fx.shell.scene().getRoot(), new KeyEvent(KeyEvent.KEY_TYPED, String.valueOf(c), "",
                    KeyCode.UNDEFINED, false, false, false, false));
        }
    }
}
