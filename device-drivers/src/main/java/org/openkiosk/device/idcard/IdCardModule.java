package org.openkiosk.device.idcard;

import java.io.IOException;

/**
 * The card-reading steps of one reader model: {@link Ga467Module} speaks the GA 467 frames itself, {@link
 * SdtapiReader} goes through a vendor library. {@link IdCardReader} polls any of them.
 *
 * <p>Failures: {@link Sw3StatusException} for a module status other than success,
 * {@link org.openkiosk.device.transport.DisconnectedException} when the reader is gone,
 * {@link org.openkiosk.device.transport.ReadTimeoutException} when it does not answer,
 * {@link Ga467ProtocolException} for damaged replies.
 */
public interface IdCardModule extends AutoCloseable {

    void open() throws IOException;

    boolean isOpen();

    /** Asks the module for its status; fails with {@link Sw3StatusException} when it reports a fault. */
    void checkStatus() throws IOException;

    /** @return true when a card is in the field (SW3 9F), false when none (SW3 80) */
    boolean findCard() throws IOException;

    void selectCard() throws IOException;

    CardBlocks readCard() throws IOException;

    /** Driver and link for technicians, e.g. {@code ga467 over serial:/dev/ttyUSB0?baud=115200}. */
    String describe();

    /** Closes the link; {@link #open()} may be called again (after an unplug, for example). */
    @Override
    void close();

    /** Ends the module for good when its device is closed; more than {@link #close()} only for simulators. */
    default void dispose() {
        close();
    }
}
