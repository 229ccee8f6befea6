package org.openkiosk.app.ui.flow;

import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.openkiosk.app.runtime.KioskRuntime;
import org.openkiosk.device.DeviceEvent;
import org.openkiosk.device.DeviceListener;
import org.openkiosk.device.idcard.IdCard;
import org.openkiosk.device.scanner.ScannerDevice;

/**
 * Device input for one screen: cards placed on the reader and a code from the armed scanner, delivered on the
 * JavaFX thread only while the screen is shown. Closing (when the screen hides) removes the card listener and
 * disarms the scanner, so a scan on another screen never reaches this one.
 */
public final class DeviceInputs {

    private DeviceInputs() {}

    /** Calls {@code onCard} on the JavaFX thread for each card placed until the returned handle is closed. */
    public static AutoCloseable onCard(Optional<KioskRuntime> runtime, Consumer<IdCard> onCard) {
        if (runtime.isEmpty() || runtime.get().idReader().isEmpty()) {
            return () -> { };
        }
        var reader = runtime.get().idReader().get();
        Open open = new Open();
        DeviceListener listener = event -> {
            if (event instanceof DeviceEvent.Data<?> data && data.payload() instanceof IdCard card) {
                Platform.runLater(() -> {
                    if (open.value) {
                        onCard.accept(card);
                    } else {
                        card.wipePhoto();
                    }
                });
            }
        };
        reader.addListener(listener);
        return () -> {
            open.value = false;
            reader.removeListener(listener);
        };
    }

    /**
     * Arms the scanner for one code, delivered on the JavaFX thread; re-arm from {@code onCode} for another.
     * Closing disarms.
     */
    public static AutoCloseable armScanner(Optional<KioskRuntime> runtime, Consumer<String> onCode) {
        Optional<ScannerDevice> scanner = runtime.flatMap(KioskRuntime::scanner);
        if (scanner.isEmpty()) {
            return () -> { };
        }
        Open open = new Open();
        Consumer<String> target = code -> Platform.runLater(() -> {
            if (open.value) {
                onCode.accept(code);
            }
        });
        scanner.get().arm(target);
        return () -> {
            open.value = false;
            scanner.get().disarm();
        };
    }

    /** Written and read on the JavaFX thread only. */
    private static final class Open {
        boolean value = true;
    }
}
