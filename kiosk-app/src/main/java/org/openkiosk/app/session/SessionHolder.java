package org.openkiosk.app.session;

import java.time.Clock;
import java.util.Optional;
import org.openkiosk.device.idcard.IdNumber;

/**
 * Holds the kiosk's one citizen session: {@link #start} at identification replaces (and wipes) any earlier
 * one, {@link #end()} wipes it. Owned by the UI thread.
 */
public final class SessionHolder {

    private final Clock clock;
    private CitizenSession current;

    public SessionHolder(Clock clock) {
        this.clock = clock;
    }

    /** Starts a new session, wiping a previous one that was somehow not ended. */
    public CitizenSession start(IdentificationMethod method, IdNumber idNumber) {
        end();
        current = new CitizenSession(method, idNumber, clock.instant());
        SessionStatistics.sessionStarted(clock);
        return current;
    }

    public Optional<CitizenSession> current() {
        return Optional.ofNullable(current);
    }

    public boolean isActive() {
        return current != null;
    }

    /** Wipes and forgets the current session; does nothing without one. */
    public void end() {
        if (current != null) {
            current.wipe();
            current = null;
            SessionStatistics.sessionEnded();
        }
    }
}
