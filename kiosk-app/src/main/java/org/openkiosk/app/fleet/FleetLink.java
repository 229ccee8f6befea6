package org.openkiosk.app.fleet;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.openkiosk.app.config.FleetSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's link to its hall: publishes the retained state, telemetry every heartbeat and alarms on health
 * transitions, and hands signed commands from the {@code cmd} topic to a command handler.
 *
 * <p>Never blocks its callers: {@link #update()} and {@link #event} only schedule work on the link's own threads.
 * State changes, alarms, events and replies go through the on-disk {@link FleetOutbox} and one sender thread that
 * publishes them in order with QoS 1, removing each only after the broker acknowledged it; so a broker that is away
 * (or a kiosk restart) loses none of them. Telemetry is sent only while connected (it is superseded every beat).
 */
public final class FleetLink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FleetLink.class);
    /** The kiosk's own file of alarms it has raised and not yet cleared, so a restart can clear them too. */
    static final String ACTIVE_ALARMS_FILE = "active-alarms.txt";
    private static final long PUBLISH_TIMEOUT_SECONDS = 30;

    private final FleetSettings settings;
    private final FleetTopics topics;
    private final StatusSource source;
    private final Clock clock;
    private final FleetOutbox outbox;
    private final Path activeAlarmsFile;
    private final Mqtt5AsyncClient client;
    private final com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5Connect connect;
    private final ScheduledExecutorService worker;
    private final ExecutorService commandWorker;
    private final Thread sender;
    private final AtomicBoolean updateScheduled = new AtomicBoolean();
    private final AtomicLong published = new AtomicLong();
    /** Counts connections, so a PUBACK awaited from an earlier connection is given up. */
    private final AtomicLong connections = new AtomicLong();
    private final Object connection = new Object();
    private volatile boolean connected;
    private volatile boolean running = true;
    private volatile Consumer<byte[]> commandHandler = payload -> { };

    // only touched on the worker thread
    private KioskState lastState;
    private final Map<String, Alarm> activeAlarms = new TreeMap<>();
    private Set<String> alarmsBeforeRestart;

    private FleetLink(FleetSettings settings, StatusSource source, Clock clock, FleetOutbox outbox, Path queueDir,
                      UnaryOperator<String> environment) throws IOException {
        this.settings = settings;
        this.topics = FleetTopics.of(settings.region(), settings.hall(), settings.kiosk());
        this.source = source;
        this.clock = clock;
        this.outbox = outbox;
        this.activeAlarmsFile = queueDir.resolve(ACTIVE_ALARMS_FILE);
        this.alarmsBeforeRestart = readActiveAlarms(activeAlarmsFile);
        byte[] will = FleetJson.bytes(KioskState.offline(settings.region(), settings.hall(), settings.kiosk(),
                "connection lost", null));
        BrokerConnection.Built built = BrokerConnection.build(settings, topics.root(), will, topics.state(),
                environment, ctx -> onConnected(), ctx -> onDisconnected(ctx.getCause()));
        this.client = built.client();
        this.connect = built.connect();
        this.worker = Executors.newSingleThreadScheduledExecutor(daemon("fleet-link"));
        this.commandWorker = Executors.newSingleThreadExecutor(daemon("fleet-commands"));
        this.sender = daemon("fleet-sender").newThread(this::sendLoop);
    }

    /**
     * Starts the link: connects in the background (retrying with back-off while the broker is away), publishes
     * the state and every heartbeat the telemetry.
     *
     * @param dataDir where the queue lives unless {@code fleet.queue.directory} says otherwise
     */
    public static FleetLink start(FleetSettings settings, Path dataDir, StatusSource source, Clock clock,
                                  UnaryOperator<String> environment) throws IOException {
        Path queueDir = settings.queueDirectory(dataDir);
        FleetOutbox outbox = new FleetOutbox(queueDir, settings.queueMaxMessages(), settings.queueMaxBytes());
        FleetLink link = new FleetLink(settings, source, clock, outbox, queueDir, environment);
        link.begin();
        return link;
    }

    private void begin() {
        client.publishes(MqttGlobalPublishFilter.SUBSCRIBED, publish -> {
            byte[] payload = publish.getPayloadAsBytes();
            commandWorker.execute(() -> handleCommand(payload));
        });
        sender.start();
        long beat = settings.heartbeat().toMillis();
        worker.execute(this::evaluate);
        worker.scheduleAtFixedRate(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
        client.connect(connect).whenComplete((ack, error) -> {
            if (error != null) {
                log.warn("fleet: cannot reach the broker {} yet ({}); retrying in the background",
                        settings.broker(), error.getMessage());
            }
        });
        log.info("fleet: linking kiosk {} to {} as {}", settings.kiosk(), settings.broker(), topics.root());
    }

    public FleetTopics topics() {
        return topics;
    }

    /** Who obeys the commands: called on the link's command thread with the raw payload. */
    public void onCommand(Consumer<byte[]> handler) {
        this.commandHandler = Objects.requireNonNull(handler);
    }

    public boolean connected() {
        return connected;
    }

    /** Messages waiting for the broker. */
    public int queued() {
        return outbox.size();
    }

    /** Something may have changed (a device event, the service switch): look again, soon, on the link's thread. */
    public void update() {
        if (running && updateScheduled.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    updateScheduled.set(false);
                    evaluate();
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                updateScheduled.set(false); // closing
            }
        }
    }

    /** Publishes an event (in order with state and alarms; queued while the broker is away). */
    public void event(String type, Map<String, String> details) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("schema", "openkiosk/event/1");
        payload.put("kiosk", settings.kiosk());
        payload.put("type", type);
        payload.put("at", clock.instant().toString());
        payload.put("details", new TreeMap<>(details));
        enqueue(topics.event(), FleetJson.bytes(payload), false);
    }

    /** Queues any message of this kiosk (replies, diagnostics chunks), in order with the rest. */
    public void enqueue(String topic, byte[] payload, boolean retain) {
        if (!topic.startsWith(topics.root() + "/")) {
            throw new IllegalArgumentException("a kiosk publishes only under " + topics.root());
        }
        outbox.add(topic, payload, retain);
    }

    private void heartbeat() {
        evaluate();
        if (connected) {
            Telemetry t;
            try {
                t = source.telemetry();
            } catch (RuntimeException e) {
                log.warn("fleet: telemetry could not be read: {}", e.toString());
                return;
            }
            Telemetry withQueue = new Telemetry(t.schema(), t.kiosk(), t.at(), t.sessions(), t.prints(), t.tickets(),
                    t.bookings(), t.ratings(), t.freeDiskBytes(), t.heapUsedBytes(), t.heapMaxBytes(), outbox.size(),
                    outbox.dropped());
            client.publishWith().topic(topics.telemetry()).payload(FleetJson.bytes(withQueue))
                    .qos(MqttQos.AT_MOST_ONCE).send();
        }
    }

    /** Compares the kiosk's condition with what was last published; queues the differences. Worker thread only. */
    private void evaluate() {
        try {
            KioskState state = source.state();
            Instant now = clock.instant();
            Map<String, Alarm> alarms = AlarmRules.evaluate(state, source.systemAlarms(), now);
            boolean alarmsChanged = false;
            for (Alarm a : alarms.values()) {
                Alarm active = activeAlarms.get(a.code());
                // new, or its text changed (e.g. "store unreachable since 02:00, 37 records waiting" counting up)
                if (active == null || !java.util.Objects.equals(active.text(), a.text())) {
                    activeAlarms.put(a.code(), a);
                    enqueue(topics.alarm(a.code()), FleetJson.bytes(a), true);
                    alarmsChanged = true;
                }
            }
            for (String code : new ArrayList<>(activeAlarms.keySet())) {
                if (!alarms.containsKey(code)) {
                    activeAlarms.remove(code);
                    enqueue(topics.alarm(code), new byte[0], true); // clears the retained alarm
                    alarmsChanged = true;
                }
            }
            if (alarmsBeforeRestart != null) {
                for (String code : alarmsBeforeRestart) {
                    if (!alarms.containsKey(code)) {
                        enqueue(topics.alarm(code), new byte[0], true); // ended while the kiosk was down
                    }
                }
                alarmsBeforeRestart = null;
                alarmsChanged = true;
            }
            if (alarmsChanged) {
                writeActiveAlarms();
            }
            KioskState withAlarms = state.withAlarms(new ArrayList<>(activeAlarms.keySet()));
            if (lastState == null || !lastState.equals(withAlarms.withoutClock())) {
                enqueue(topics.state(), FleetJson.bytes(withAlarms), true);
                lastState = withAlarms.withoutClock();
            }
        } catch (RuntimeException e) {
            log.error("fleet: could not evaluate the kiosk's state", e);
        }
    }

    private void onConnected() {
        log.info("fleet: connected to {}", settings.broker());
        client.subscribeWith().topicFilter(topics.command()).qos(MqttQos.AT_LEAST_ONCE).send()
                .whenComplete((ack, error) -> {
                    if (error != null) {
                        log.error("fleet: cannot subscribe to {}: {}", topics.command(), error.toString());
                    }
                });
        try {
            worker.execute(() -> {
                lastState = null; // the Last Will may have said offline: say online again
                evaluate();
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return; // closing
        }
        synchronized (connection) {
            connections.incrementAndGet();
            connected = true;
            connection.notifyAll();
        }
    }

    private void onDisconnected(Throwable cause) {
        if (connected) {
            log.warn("fleet: lost the broker {}: {}", settings.broker(), cause == null ? "" : cause.getMessage());
        }
        connected = false;
    }

    /** The one sender: oldest message first, each acknowledged before the next, so order survives reconnects. */
    private void sendLoop() {
        while (running) {
            try {
                if (!connected) {
                    synchronized (connection) {
                        if (!connected && running) {
                            connection.wait(500);
                        }
                    }
                    continue;
                }
                var head = outbox.awaitHead(500);
                if (head.isEmpty() || !connected) {
                    continue;
                }
                OutboxMessage m = head.get();
                try {
                    awaitAck(client.publishWith().topic(m.topic()).payload(m.payload()).qos(MqttQos.AT_LEAST_ONCE)
                            .retain(m.retain()).send());
                    outbox.remove(m.seq());
                    published.incrementAndGet();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Mqtt5PubAckException refused) {
                        // the broker will never take it (e.g. not authorised): waiting would block the queue forever
                        log.error("fleet: the broker refused {} ({}); dropped", m.topic(),
                                refused.getMqttMessage().getReasonCode());
                        outbox.remove(m.seq());
                    } else {
                        waitForReconnect();
                    }
                } catch (TimeoutException e) {
                    waitForReconnect();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("fleet: sending failed", e);
            }
        }
    }

    /**
     * Waits for the broker's PUBACK, but gives up as soon as the connection it was sent on is gone: the message stays
     * at the head of the queue and is sent again on the next connection (at least once, never out of order).
     */
    private void awaitAck(java.util.concurrent.CompletableFuture<?> ack)
            throws InterruptedException, ExecutionException, TimeoutException {
        long sentOn = connections.get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PUBLISH_TIMEOUT_SECONDS);
        while (true) {
            try {
                ack.get(100, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                if (!connected || connections.get() != sentOn || System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
    }

    private void waitForReconnect() throws InterruptedException {
        synchronized (connection) {
            connection.wait(1000);
        }
    }

    /** A command payload as if it had arrived from the broker (tests without a broker). */
    void receive(byte[] payload) {
        commandWorker.execute(() -> handleCommand(payload));
    }

    private void handleCommand(byte[] payload) {
        try {
            commandHandler.accept(payload);
        } catch (RuntimeException e) {
            log.error("fleet: a command could not be handled", e);
        }
    }

    private void writeActiveAlarms() {
        try {
            Files.write(activeAlarmsFile, activeAlarms.keySet(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.warn("fleet: cannot remember the active alarms in {}: {}", activeAlarmsFile, e.toString());
        }
    }

    private static Set<String> readActiveAlarms(Path file) {
        try {
            return Files.exists(file) ? new TreeSet<>(Files.readAllLines(file, StandardCharsets.UTF_8)) : Set.of();
        } catch (IOException e) {
            return Set.of();
        }
    }

    /** Messages acknowledged by the broker since start (tests, benchmarks). */
    public long published() {
        return published.get();
    }

    /**
     * Says goodbye ({@code offline}, reason {@code stopped}) after what is queued, gives the sender a moment to
     * deliver, and disconnects. What is still queued stays on disk for the next start.
     */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        try {
            worker.submit(() -> enqueue(topics.state(), FleetJson.bytes(KioskState.offline(settings.region(),
                    settings.hall(), settings.kiosk(), "stopped", clock.instant())), true)).get(5, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (connected && outbox.size() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20); // polling the queue during shutdown
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | java.util.concurrent.RejectedExecutionException e) {
            log.warn("fleet: goodbye not queued: {}", e.toString());
        }
        running = false;
        worker.shutdownNow();
        commandWorker.shutdownNow();
        sender.interrupt();
        try {
            sender.join(5000);
            client.disconnect().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // not connected: nothing to say goodbye to
        }
        log.info("fleet: link closed ({} message(s) left queued)", outbox.size());
    }

    /** Drops the connection without a goodbye, as a crash would (tests of the Last Will). */
    void abandon() {
        running = false;
        worker.shutdownNow();
        commandWorker.shutdownNow();
        sender.interrupt();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Short name for log lines and tests. */
    @Override
    public String toString() {
        return "FleetLink[" + topics.root() + ", queued " + outbox.size() + ", " + (connected ? "connected" : "offline") + "]";
    }

    List<OutboxMessage> queuedMessages() {
        return outbox.snapshot();
    }
}
