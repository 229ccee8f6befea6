package org.openkiosk.app.fleet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A citizen's call for hall staff (帮办), at most one open per kiosk. Raised on the fleet link's retained
 * {@code help} topic with the kiosk, the screen and the service code, never anything about the person; "delivered"
 * means the broker acknowledged it. Staff answer with a signed {@code help-call} command (acknowledged, done); the
 * citizen or an idle reset cancels it. Without a link (standalone, or the broker away) the call is
 * {@link Status#UNREACHABLE} at once, so the kiosk can show the hall's phone number instead of a false promise.
 *
 * <p>Thread-safe; listeners are told on whichever thread made the change (the UI hands it to its own thread).
 */
public final class HelpCalls {

    private static final Logger log = LoggerFactory.getLogger(HelpCalls.class);
    public static final String SCHEMA = "openkiosk/help-call/1";
    /** How long a raised call may wait for the broker's acknowledgement before the kiosk says it did not arrive. */
    public static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);
    /** Staff's answers, the {@code state} argument of the {@code help-call} command. */
    public static final String ACKNOWLEDGED = "acknowledged";
    public static final String DONE = "done";
    /** Why a call was cancelled. */
    public static final String CANCELLED_BY_CITIZEN = "citizen";
    public static final String CANCELLED_BY_IDLE_RESET = "idle-reset";

    /** Where a call stands, as the kiosk shows it. */
    public enum Status {
        /** Published, the broker has not yet acknowledged it. */
        SENDING,
        /** The broker has it: staff see it on the console (工作人员已收到，请稍候). */
        DELIVERED,
        /** Staff acknowledged it on the console (工作人员正在赶来). */
        ACKNOWLEDGED,
        /** No link to the hall: the kiosk shows the help phone number. */
        UNREACHABLE
    }

    /** The open call: its id, where the citizen was, and where it stands. */
    public record Call(String id, String screen, Optional<String> service, Instant raisedAt, Status status) {
        Call with(Status next) {
            return new Call(id, screen, service, raisedAt, next);
        }

        public boolean published() {
            return status != Status.UNREACHABLE;
        }
    }

    private final FleetLink link;
    private final String kiosk;
    private final Clock clock;
    private final List<Consumer<Optional<Call>>> listeners = new CopyOnWriteArrayList<>();
    private Call current;

    private HelpCalls(FleetLink link, String kiosk, Clock clock) {
        this.link = link;
        this.kiosk = kiosk;
        this.clock = Objects.requireNonNull(clock);
    }

    /** Help calls over the kiosk's fleet link. */
    public static HelpCalls over(FleetLink link, String kiosk, Clock clock) {
        return new HelpCalls(Objects.requireNonNull(link), kiosk, clock);
    }

    /** A kiosk without a fleet link: every call is unreachable, and the kiosk shows the phone number. */
    public static HelpCalls standalone(String kiosk, Clock clock) {
        return new HelpCalls(null, kiosk, clock);
    }

    /** Told the open call (or empty once it is over) at every change. */
    public void addListener(Consumer<Optional<Call>> listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeListener(Consumer<Optional<Call>> listener) {
        listeners.remove(listener);
    }

    public synchronized Optional<Call> current() {
        return Optional.ofNullable(current);
    }

    /**
     * Raises a call, or returns the one already open (a second press does not call twice). Never blocks.
     *
     * @param screen  the screen's id, e.g. {@code certificate-choose}
     * @param service the service code in progress, if any (never personal data)
     */
    public Call raise(String screen, Optional<String> service) {
        Call call;
        synchronized (this) {
            if (current != null && current.published()) {
                return current;
            }
            boolean linked = link != null && link.connected();
            call = new Call("help-" + UUID.randomUUID(), screen, service, clock.instant(),
                    linked ? Status.SENDING : Status.UNREACHABLE);
            current = call;
        }
        tell(Optional.of(call));
        if (call.status() == Status.SENDING) {
            link.publishNow(link.topics().help(), payload(call, "open", Map.of()), true)
                    .orTimeout(DELIVERY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((ok, error) -> delivered(call.id(), error));
            log.info("help call {} raised on screen {}", call.id(), screen);
        } else {
            log.info("help call on screen {}: no link to the hall, showing the help phone number", screen);
        }
        return call;
    }

    private void delivered(String id, Throwable error) {
        Call next;
        synchronized (this) {
            if (current == null || !current.id().equals(id) || current.status() != Status.SENDING) {
                return; // cancelled or answered meanwhile
            }
            next = current.with(error == null ? Status.DELIVERED : Status.UNREACHABLE);
            current = next;
        }
        if (error != null) {
            log.warn("help call {} did not reach the broker: {}", id, error.toString());
        }
        tell(Optional.of(next));
    }

    /**
     * Ends the open call from the kiosk's side.
     *
     * @param why {@link #CANCELLED_BY_CITIZEN} or {@link #CANCELLED_BY_IDLE_RESET}
     */
    public void cancel(String why) {
        Call was;
        synchronized (this) {
            if (current == null) {
                return;
            }
            was = current;
            current = null;
        }
        if (was.published()) {
            // queued, not direct: the console must learn of it even if the broker is away just now
            link.enqueue(link.topics().help(), payload(was, "cancelled", Map.of("reason", why)), true);
        }
        log.info("help call {} cancelled ({})", was.id(), why);
        tell(Optional.empty());
    }

    /**
     * Staff answered on the console (a verified {@code help-call} command).
     *
     * @return false when {@code callId} is not the open call (already over, or another kiosk's)
     */
    public boolean staffAnswered(String callId, String state, String by) {
        Call was;
        Optional<Call> next;
        synchronized (this) {
            if (current == null || !current.id().equals(callId) || !current.published()) {
                return false;
            }
            was = current;
            if (ACKNOWLEDGED.equals(state)) {
                current = current.with(Status.ACKNOWLEDGED);
                next = Optional.of(current);
            } else if (DONE.equals(state)) {
                current = null;
                next = Optional.empty();
            } else {
                throw new IllegalArgumentException("state must be " + ACKNOWLEDGED + " or " + DONE);
            }
        }
        link.enqueue(link.topics().help(), payload(was, state, Map.of("by", by)), true);
        tell(next);
        return true;
    }

    private byte[] payload(Call call, String state, Map<String, String> extra) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("schema", SCHEMA);
        p.put("id", call.id());
        p.put("kiosk", kiosk);
        p.put("state", state);
        p.put("screen", call.screen());
        call.service().ifPresent(s -> p.put("service", s));
        p.put("raisedAt", call.raisedAt().toString());
        p.put("at", clock.instant().toString());
        p.putAll(extra);
        return FleetJson.bytes(p);
    }

    private void tell(Optional<Call> call) {
        for (Consumer<Optional<Call>> l : listeners) {
            try {
                l.accept(call);
            } catch (RuntimeException e) {
                log.error("help call listener failed", e);
            }
        }
    }
}
