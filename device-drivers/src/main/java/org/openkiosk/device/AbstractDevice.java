package org.openkiosk.device;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lifecycle bookkeeping, listeners, health and statistics shared by every driver. Subclasses implement the
 * {@code do…} hooks that touch the transport; this class enforces the order of lifecycle calls.
 */
public abstract class AbstractDevice implements KioskDevice {

    private static final Logger log = LoggerFactory.getLogger(AbstractDevice.class);

    private final String logicalName;
    private final DeviceClass deviceClass;
    private final List<DeviceListener> listeners = new CopyOnWriteArrayList<>();
    private final DeviceStatistics statistics = new DeviceStatistics();
    private volatile DeviceState state = DeviceState.CLOSED;
    private volatile HealthStatus health;

    protected AbstractDevice(String logicalName, DeviceClass deviceClass) {
        this.logicalName = Objects.requireNonNull(logicalName, "logicalName");
        this.deviceClass = Objects.requireNonNull(deviceClass, "deviceClass");
        this.health = HealthStatus.offline("not opened yet", RecommendedAction.NONE);
    }

    @Override
    public final String logicalName() {
        return logicalName;
    }

    @Override
    public final DeviceClass deviceClass() {
        return deviceClass;
    }

    @Override
    public final DeviceState state() {
        return state;
    }

    @Override
    public final synchronized void open() throws DeviceException {
        if (state != DeviceState.CLOSED) {
            return;
        }
        try {
            doOpen();
        } catch (DeviceException e) {
            updateHealth(HealthStatus.offline(e.getMessage(), e.action()));
            throw e;
        }
        state = DeviceState.OPENED;
        updateHealth(HealthStatus.online("opened"));
    }

    @Override
    public final synchronized void claim() throws DeviceException {
        requireAtLeast(DeviceState.OPENED, "claim");
        if (state == DeviceState.OPENED) {
            doClaim();
            state = DeviceState.CLAIMED;
        }
    }

    @Override
    public final synchronized void enable() throws DeviceException {
        requireAtLeast(DeviceState.CLAIMED, "enable");
        if (state == DeviceState.CLAIMED) {
            doEnable();
            state = DeviceState.ENABLED;
        }
    }

    @Override
    public final synchronized void disable() {
        if (state == DeviceState.ENABLED) {
            doDisable();
            state = DeviceState.CLAIMED;
        }
    }

    @Override
    public final synchronized void release() {
        disable();
        if (state == DeviceState.CLAIMED) {
            doRelease();
            state = DeviceState.OPENED;
        }
    }

    @Override
    public final synchronized void close() {
        release();
        if (state == DeviceState.OPENED) {
            try {
                doClose();
            } finally {
                state = DeviceState.CLOSED;
                updateHealth(HealthStatus.offline("closed", RecommendedAction.NONE));
            }
        }
    }

    @Override
    public HealthStatus health() {
        return health;
    }

    @Override
    public DeviceStatistics statistics() {
        return statistics;
    }

    @Override
    public void addListener(DeviceListener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    @Override
    public void removeListener(DeviceListener listener) {
        listeners.remove(listener);
    }

    /** Records a new health and tells listeners when it changed (health or text). */
    protected final void updateHealth(HealthStatus next) {
        HealthStatus previous = health;
        health = next;
        if (previous.health() != next.health() || !previous.text().equals(next.text())) {
            fire(new DeviceEvent.StatusUpdate(logicalName, next.at(), next));
        }
    }

    /** Counts the error, reports it as an event and returns it for throwing. */
    protected final DeviceException reportError(DeviceException error) {
        statistics.increment(DeviceStatistics.ERRORS);
        fire(new DeviceEvent.Error(logicalName, Instant.now(), error));
        return error;
    }

    protected final void fireData(Object payload) {
        fire(new DeviceEvent.Data<>(logicalName, Instant.now(), payload));
    }

    protected final void fire(DeviceEvent event) {
        for (DeviceListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                // one faulty listener must not starve the others or kill the device thread
                log.warn("listener of {} failed on {}", logicalName, event.getClass().getSimpleName(), e);
            }
        }
    }

    protected final void requireAtLeast(DeviceState minimum, String operation) throws DeviceException {
        if (state.ordinal() < minimum.ordinal()) {
            throw new DeviceException(logicalName + ": cannot " + operation + " while " + state,
                    RecommendedAction.CHECK_CONFIGURATION, false);
        }
    }

    protected abstract void doOpen() throws DeviceException;

    protected void doClaim() throws DeviceException {}

    protected void doEnable() throws DeviceException {}

    protected void doDisable() {}

    protected void doRelease() {}

    protected abstract void doClose();
}
