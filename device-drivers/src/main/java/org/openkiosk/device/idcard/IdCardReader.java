package org.openkiosk.device.idcard;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.openkiosk.device.AbstractDevice;
import org.openkiosk.device.Capability;
import org.openkiosk.device.DeviceClass;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.DeviceStatistics;
import org.openkiosk.device.HealthCheckLevel;
import org.openkiosk.device.HealthStatus;
import org.openkiosk.device.RecommendedAction;
import org.openkiosk.device.transport.DisconnectedException;
import org.openkiosk.device.transport.ReadTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A resident ID card reader. While enabled, a polling thread runs find (every {@link Settings#pollInterval()}) →
 * select → read and emits one {@code DeviceEvent.Data<IdCard>} per card placement: a card that stays on the reader
 * is not read again until it was taken off. An unplugged reader goes OFFLINE and is reopened automatically when it
 * comes back; a module fault (e.g. SW3 60) puts the device in ERROR with the SW3 meaning.
 *
 * <p>{@link #readOnce(Duration)} reads synchronously, for the technician command line. Nothing here logs card
 * contents: only masked numbers and the SW3 texts.
 */
public final class IdCardReader extends AbstractDevice {

    private static final Logger log = LoggerFactory.getLogger(IdCardReader.class);

    /** Consecutive unanswered or garbled exchanges before the device counts as faulty. */
    private static final int FAILURES_BEFORE_ERROR = 2;

    /** Timing of the polling loop. */
    public record Settings(Duration pollInterval, Duration reopenInterval) {
        public Settings {
            if (pollInterval.isNegative() || pollInterval.isZero() || reopenInterval.isNegative() || reopenInterval.isZero()) {
                throw new IllegalArgumentException("the poll and reopen intervals must be positive, were "
                        + pollInterval.toMillis() + " ms and " + reopenInterval.toMillis() + " ms");
            }
        }

        public static Settings defaults() {
            return new Settings(Duration.ofMillis(300), Duration.ofSeconds(1));
        }

        /** The default timing polled every {@code pollInterval} instead. */
        public Settings withPollInterval(Duration interval) {
            return new Settings(interval, reopenInterval);
        }
    }

    private final IdCardModule module;
    private final Settings settings;
    /** One exchange at a time on the link: the polling thread and readOnce share the module. */
    private final ReentrantLock moduleLock = new ReentrantLock();
    private final ReentrantLock sleepLock = new ReentrantLock();
    private final Condition wakeUp = sleepLock.newCondition();

    private volatile boolean polling;
    private Thread poller;
    // polling-thread state
    private boolean cardAlreadyRead;
    private int consecutiveFailures;

    public IdCardReader(String logicalName, IdCardModule module, Settings settings) {
        super(logicalName, DeviceClass.ID_CARD_READER);
        this.module = module;
        this.settings = settings;
    }

    public IdCardReader(String logicalName, IdCardModule module) {
        this(logicalName, module, Settings.defaults());
    }

    @Override
    public String description() {
        return module.describe();
    }

    /** The polling loop's timing. */
    public Settings settings() {
        return settings;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.READS_PHOTO, Capability.READS_FOREIGNER_CARDS);
    }

    @Override
    public HealthStatus checkHealth(HealthCheckLevel level) {
        if (level == HealthCheckLevel.INTERNAL || state() == org.openkiosk.device.DeviceState.CLOSED) {
            return health();
        }
        moduleLock.lock();
        try {
            if (!module.isOpen()) {
                module.open();
            }
            module.checkStatus();
            updateHealth(HealthStatus.online("module status OK"));
        } catch (Sw3StatusException e) {
            updateHealth(HealthStatus.error(e.getMessage(), IdCardReadException.of(e).action()));
        } catch (IOException e) {
            module.close();
            updateHealth(HealthStatus.offline(e.getMessage(), RecommendedAction.RECONNECT));
        } finally {
            moduleLock.unlock();
        }
        return health();
    }

    @Override
    protected void doOpen() throws DeviceException {
        moduleLock.lock();
        try {
            module.open();
            module.checkStatus();
        } catch (Sw3StatusException e) {
            module.close();
            throw IdCardReadException.of(e);
        } catch (ReadTimeoutException e) {
            module.close();
            throw new IdCardReadException(module.describe() + ": the module does not answer (wrong port or baud rate?): "
                    + e.getMessage(), RecommendedAction.CHECK_CONFIGURATION, true, null, e);
        } catch (IOException e) {
            module.close();
            throw new IdCardReadException(module.describe() + ": " + e.getMessage(), RecommendedAction.RECONNECT, true, null, e);
        } finally {
            moduleLock.unlock();
        }
    }

    @Override
    protected void doEnable() {
        polling = true;
        cardAlreadyRead = false;
        consecutiveFailures = 0;
        poller = new Thread(this::pollLoop, "idcard-poll " + logicalName());
        poller.setDaemon(true);
        poller.start();
    }

    @Override
    protected void doDisable() {
        polling = false;
        wake();
        Thread t = poller;
        poller = null;
        if (t != null) {
            try {
                // one exchange at most (a read reply has a few seconds at slow baud rates)
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                log.warn("{}: polling thread did not stop in time", logicalName());
            }
        }
    }

    @Override
    protected void doClose() {
        moduleLock.lock();
        try {
            module.dispose();
        } finally {
            moduleLock.unlock();
        }
    }

    /**
     * Waits up to {@code timeout} for a card and reads it (even one that lies on the reader since before).
     *
     * @return empty when no card could be read before the timeout (none there, or the card kept failing — the
     *         last card error is then in the log and the error events)
     * @throws IdCardReadException when the module reports a fault, does not answer, or is unplugged
     */
    public Optional<IdCard> readOnce(Duration timeout) throws DeviceException {
        requireAtLeast(org.openkiosk.device.DeviceState.OPENED, "read");
        long deadline = System.nanoTime() + timeout.toNanos();
        IdCardReadException lastDeviceProblem = null;
        do {
            moduleLock.lock();
            try {
                if (!module.isOpen()) {
                    module.open();
                }
                if (module.findCard()) {
                    lastDeviceProblem = null;
                    IdCard card = readPresentCard();
                    updateHealth(HealthStatus.online("card read"));
                    return Optional.of(card);
                }
                lastDeviceProblem = null;
            } catch (Sw3StatusException e) {
                IdCardReadException failure = IdCardReadException.of(e);
                if (e.category() == Sw3Status.Category.MODULE_FAULT) {
                    updateHealth(HealthStatus.error(e.getMessage(), failure.action()));
                    throw reportError(failure);
                }
                lastDeviceProblem = e.category() == Sw3Status.Category.LINK ? failure : null;
                reportError(failure);
            } catch (IdCardFormatException e) {
                throw reportError(new IdCardReadException("the card's data is not readable: " + e.getMessage(),
                        RecommendedAction.REMOVE_AND_REPLACE_CARD, true, null, e));
            } catch (DisconnectedException e) {
                module.close();
                lastDeviceProblem = new IdCardReadException(module.describe() + ": " + e.getMessage(),
                        RecommendedAction.RECONNECT, true, null, e);
            } catch (IOException e) {
                // no reply or a garbled one: try again until the deadline, then call it a device problem
                lastDeviceProblem = new IdCardReadException(module.describe() + ": " + e.getMessage(),
                        RecommendedAction.CHECK_CONFIGURATION, true, null, e);
                statistics().increment(DeviceStatistics.ERRORS);
            } finally {
                moduleLock.unlock();
            }
        } while (pause(deadline));
        if (lastDeviceProblem != null) {
            updateHealth(lastDeviceProblem.action() == RecommendedAction.RECONNECT
                    ? HealthStatus.offline(lastDeviceProblem.getMessage(), RecommendedAction.RECONNECT)
                    : HealthStatus.error(lastDeviceProblem.getMessage(), lastDeviceProblem.action()));
            throw reportError(lastDeviceProblem);
        }
        return Optional.empty();
    }

    /** Sleeps one poll interval unless the deadline is nearer; false when the deadline has passed. */
    private boolean pause(long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return false;
        }
        try {
            Thread.sleep(Math.max(1, Math.min(settings.pollInterval().toMillis(), left / 1_000_000)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return System.nanoTime() < deadline;
    }

    private IdCard readPresentCard() throws IOException {
        module.selectCard();
        CardBlocks blocks = module.readCard();
        IdCard card = blocks.toIdCard();
        statistics().increment(DeviceStatistics.READS);
        log.info("{}: read {}", logicalName(), card);
        return card;
    }

    private void pollLoop() {
        while (polling) {
            Duration next = settings.pollInterval();
            moduleLock.lock();
            try {
                if (!module.isOpen()) {
                    next = reopen() ? settings.pollInterval() : settings.reopenInterval();
                } else {
                    pollOnce();
                }
            } catch (RuntimeException e) {
                // a bug must not kill the polling thread silently
                log.error("{}: unexpected failure while polling", logicalName(), e);
                updateHealth(HealthStatus.error("internal error: " + e, RecommendedAction.CALL_MAINTENANCE));
            } finally {
                moduleLock.unlock();
            }
            sleep(next);
        }
    }

    private boolean reopen() {
        try {
            module.open();
            module.checkStatus();
        } catch (Sw3StatusException e) {
            updateHealth(HealthStatus.error(e.getMessage(), IdCardReadException.of(e).action()));
            return true; // it answers: keep polling, the status will show when it recovers
        } catch (IOException e) {
            module.close();
            return false;
        }
        statistics().increment(DeviceStatistics.RECONNECTS);
        log.info("{}: reader is back", logicalName());
        consecutiveFailures = 0;
        cardAlreadyRead = false;
        updateHealth(HealthStatus.online("reconnected"));
        return true;
    }

    private void pollOnce() {
        try {
            if (!module.findCard()) {
                cardAlreadyRead = false;
                succeeded();
                return;
            }
            if (cardAlreadyRead) {
                succeeded();
                return;
            }
            IdCard card = readPresentCard();
            cardAlreadyRead = true;
            succeeded();
            try {
                fireData(card);
            } finally {
                // listeners get the photo during the callback only (copy it there if needed): a card placed
                // while no screen listens — mid-flow, in maintenance mode — must not leave its photo behind
                card.wipePhoto();
            }
        } catch (Sw3StatusException e) {
            onModuleStatus(e);
        } catch (IdCardFormatException e) {
            cardAlreadyRead = true; // the same card would fail the same way: wait until it is replaced
            reportError(new IdCardReadException("the card's data is not readable: " + e.getMessage(),
                    RecommendedAction.REMOVE_AND_REPLACE_CARD, true, null, e));
        } catch (DisconnectedException e) {
            module.close();
            cardAlreadyRead = false;
            log.warn("{}: reader disconnected ({})", logicalName(), e.getMessage());
            updateHealth(HealthStatus.offline("reader disconnected: " + e.getMessage(), RecommendedAction.RECONNECT));
        } catch (ReadTimeoutException | Ga467ProtocolException e) {
            onLinkFailure(e);
        } catch (IOException e) {
            onLinkFailure(e);
        }
    }

    private void succeeded() {
        consecutiveFailures = 0;
        if (!health().isUsable()) {
            updateHealth(HealthStatus.online("ready"));
        }
    }

    private void onModuleStatus(Sw3StatusException e) {
        IdCardReadException failure = IdCardReadException.of(e);
        switch (e.category()) {
            case MODULE_FAULT -> {
                if (!health().text().equals(e.getMessage())) {
                    log.warn("{}: {}", logicalName(), e.getMessage());
                    reportError(failure);
                }
                updateHealth(HealthStatus.error(e.getMessage(), failure.action()));
            }
            case CARD, LINK -> {
                consecutiveFailures = 0;
                log.info("{}: {}", logicalName(), e.getMessage());
                reportError(failure);
            }
            default -> succeeded();
        }
    }

    private void onLinkFailure(IOException e) {
        consecutiveFailures++;
        log.info("{}: {} (failure {} in a row)", logicalName(), e.getMessage(), consecutiveFailures);
        reportError(new IdCardReadException(e.getMessage(), RecommendedAction.RETRY, true, null, e));
        if (consecutiveFailures >= FAILURES_BEFORE_ERROR) {
            updateHealth(HealthStatus.error("the reader does not answer properly: " + e.getMessage(),
                    RecommendedAction.CHECK_CONFIGURATION));
        }
    }

    private void sleep(Duration duration) {
        sleepLock.lock();
        try {
            if (polling) {
                wakeUp.await(duration.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            polling = false;
        } finally {
            sleepLock.unlock();
        }
    }

    private void wake() {
        sleepLock.lock();
        try {
            wakeUp.signalAll();
        } finally {
            sleepLock.unlock();
        }
    }
}
