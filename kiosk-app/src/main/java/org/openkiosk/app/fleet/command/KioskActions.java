package org.openkiosk.app.fleet.command;

import java.nio.file.Path;
import java.util.List;

/** What remote commands can do to the running kiosk. Called on the fleet link's command thread. */
public interface KioskActions {

    /** Switches the persisted out-of-service state; {@code by} names the operator key. */
    void outOfService(boolean on, String reason, String by);

    /**
     * Validates the configuration directory as it is now.
     *
     * @return the problems ({@code file:line field: message (hint)}); empty when it is valid
     */
    List<String> validateConfiguration();

    /** Restarts the kiosk as soon as no citizen is being served (the supervisor starts it again). */
    void restartWhenIdle(String why);

    /** Writes a diagnostics bundle and returns its file. */
    Path collectDiagnostics() throws java.io.IOException;

    /**
     * Staff answered a citizen's help call on the console.
     *
     * @param state {@code acknowledged} or {@code done}
     * @return false when {@code callId} is not the kiosk's open call
     */
    default boolean staffAnswered(String callId, String state, String by) {
        return false;
    }
}
