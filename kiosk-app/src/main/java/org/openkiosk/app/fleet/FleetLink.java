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
import java.util.concurrent.Executor;
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
 * <p>Never blocks its callers: {@link #update()} and {@link #event} only schedule work on the link's own executor.
 * State changes, alarms, events and replies go through the on-disk {@link FleetOutbox} and are published in order
 * with QoS 1, one at a time, each removed only after the broker acknowledged it; so a broker that is away (or a kiosk
 * restart) loses none of them. Telemetry is sent only while connected (it is superseded every beat). Sending never
 * waits on a thread: the acknowledgement schedules the next message, so many links can share a few threads
 * ({@link FleetExecutors}, ADR 0103).
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
    private final FleetExecutors.LinkThreads threads;
    private final Executor worker;
    private final AtomicBoolean updateScheduled = new AtomicBoolean();
    private final AtomicLong published = new AtomicLong();
    /** Counts connections, so a PUBACK awaited from an earlier connection is given up. */
    private final AtomicLong connections = new AtomicLong();
    private volatile boolean connected;
    private volatile boolean running = true;
    private volatile Consumer<byte[]> commandHandler = payload -> { };

    // only touched on the worker thread
    private KioskState lastState;
    private final Map<String, org.openkiosk.app.service.audit.AuditHead> publishedHeads = new java.util.HashMap<>();
    private final Map<String, Alarm> activeAlarms = new TreeMap<>();
    private Set<String> alarmsBeforeRestart;
    /** The message awaiting its PUBACK, if any, and on which connection and when it was sent. */
    private OutboxMessage inFlight;
    private long inFlightAttempt;
    private long inFlightConnection;
    private long inFlightSince;
    private long attempts;

    private FleetLink(FleetSettings settings, StatusSource source, Clock clock, FleetOutbox outbox, Path queueDir,
                      UnaryOperator<String> environment, FleetExecutors executors) throws IOException {
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
        this.threads = executors.newLink();
        this.worker = threads.work();
    }

    /**
     * Starts the link: connects in the background (retrying with back-off while the broker is away), publishes
     * the state and every heartbeat the telemetry.
     *
     * @param dataDir where the queue lives unless {@code fleet.queue.directory} says otherwise
     */
    public static FleetLink start(FleetSettings settings, Path dataDir, StatusSource source, Clock clock,
                                  UnaryOperator<String> environment) throws IOException {
        return start(settings, dataDir, source, clock, environment, FleetExecutors.own());
    }

    /** As {@link #start(FleetSettings, Path, StatusSource, Clock, UnaryOperator)}, on the given executors. */
    public static FleetLink start(FleetSettings settings, Path dataDir, StatusSource source, Clock clock,
                                  UnaryOperator<String> environment, FleetExecutors executors) throws IOException {
        Path queueDir = settings.queueDirectory(dataDir);
        FleetOutbox outbox = new FleetOutbox(queueDir, settings.queueMaxMessages(), settings.queueMaxBytes());
        FleetLink link = new FleetLink(settings, source, clock, outbox, queueDir, environment, executors);
        link.begin();
        return link;
    }

    private void begin() {
        client.publishes(MqttGlobalPublishFilter.SUBSCRIBED, publish -> {
            byte[] payload = publish.getPayloadAsBytes();
            threads.commands().execute(() -> handleCommand(payload));
        });
        worker.execute(this::evaluate);
        threads.every(settings.heartbeat(), this::heartbeat);
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

    /**
     * Publishes at once, bypassing the queue, and completes when the broker acknowledged it; fails at once while the
     * link is down. For what is worthless late (a citizen waiting at the kiosk for staff), where the caller must know
     * whether it arrived.
     */
    public java.util.concurrent.CompletableFuture<Void> publishNow(String topic, byte[] payload, boolean retain) {
        if (!topic.startsWith(topics.root() + "/")) {
            throw new IllegalArgumentException("a kiosk publishes only under " + topics.root());
        }
        if (!connected || !running) {
            return java.util.concurrent.CompletableFuture.failedFuture(
                    new IOException("not connected to " + settings.broker()));
        }
        return client.publishWith().topic(topic).payload(payload).qos(MqttQos.AT_LEAST_ONCE).retain(retain).send()
                .thenAccept(result -> result.getError().ifPresent(error -> {
                    throw new java.util.concurrent.CompletionException(error);
                }));
    }

    /** Queues any message of this kiosk (replies, diagnostics chunks), in order with the rest. */
    public void enqueue(String topic, byte[] payload, boolean retain) {
        if (!topic.startsWith(topics.root() + "/")) {
            throw new IllegalArgumentException("a kiosk publishes only under " + topics.root());
        }
        outbox.add(topic, payload, retain);
        send();
    }

    private void heartbeat() {
        evaluate();
        giveUpStaleSend();
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
            publishAuditHeads();
            KioskState withAlarms = state.withAlarms(new ArrayList<>(activeAlarms.keySet()));
            if (lastState == null || !lastState.equals(withAlarms.withoutClock())) {
                enqueue(topics.state(), FleetJson.bytes(withAlarms), true);
                lastState = withAlarms.withoutClock();
            }
        } catch (RuntimeException e) {
            log.error("fleet: could not evaluate the kiosk's state", e);
        }
    }

    /**
     * The audit chains' signed heads, retained, each time one has moved since it was last queued (ADR 0163): at
     * most one per chain and heartbeat, so a busy kiosk does not send one per record. Worker thread only.
     */
    private void publishAuditHeads() {
        for (Map.Entry<String, org.openkiosk.app.service.audit.AuditHead> head : source.auditHeads().entrySet()) {
            if (!head.getValue().equals(publishedHeads.get(head.getKey()))) {
                enqueue(topics.auditHead(head.getKey()),
                        head.getValue().text().getBytes(java.nio.charset.StandardCharsets.UTF_8), true);
                publishedHeads.put(head.getKey(), head.getValue());
            }
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
        connections.incrementAndGet();
        connected = true;
        try {
            worker.execute(() -> {
                lastState = null; // the Last Will may have said offline: say online again
                evaluate();
                if (inFlight != null && inFlightConnection != connections.get()) {
                    inFlight = null; // its PUBACK belonged to the lost connection: send it again
                }
                sendNext();
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    private void onDisconnected(Throwable cause) {
        if (connected && running) { // not our own goodbye
            log.warn("fleet: lost the broker {}: {}", settings.broker(), cause == null ? "" : cause.getMessage());
        }
        connected = false;
    }

    /** Sends the oldest message when nothing is awaiting its PUBACK; from any thread. */
    private void send() {
        if (running) {
            try {
                worker.execute(this::sendNext);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // closing: the message stays queued on disk
            }
        }
    }

    /**
     * Oldest message first, each acknowledged before the next, so order survives reconnects. Worker only; never
     * waits: the acknowledgement comes back to {@link #acknowledged} on the worker.
     */
    private void sendNext() {
        if (!running || !connected || inFlight != null) {
            return;
        }
        try {
            var head = outbox.peek();
            if (head.isEmpty()) {
                return;
            }
            OutboxMessage m = head.get();
            long attempt = ++attempts;
            inFlight = m;
            inFlightAttempt = attempt;
            inFlightConnection = connections.get();
            inFlightSince = System.nanoTime();
            client.publishWith().topic(m.topic()).payload(m.payload()).qos(MqttQos.AT_LEAST_ONCE).retain(m.retain())
                    .send().whenComplete((result, error) -> {
                        try {
                            worker.execute(() -> acknowledged(m, attempt, error));
                        } catch (java.util.concurrent.RejectedExecutionException e) {
                            // closing: an unacknowledged message stays queued on disk
                        }
                    });
        } catch (RuntimeException e) {
            inFlight = null;
            log.error("fleet: sending failed", e);
        }
    }

    private void acknowledged(OutboxMessage m, long attempt, Throwable error) {
        if (inFlight == null || inFlightAttempt != attempt) {
            return; // given up already (lost connection, timeout): the message was or will be sent again
        }
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        if (cause != null && !(cause instanceof Mqtt5PubAckException)) {
            // the connection went: the message stays at the head, in flight until the next connection (or the
            // timeout) sends it again, so a failing link is not retried in a tight loop
            return;
        }
        inFlight = null;
        if (cause == null) {
            outbox.remove(m.seq());
            published.incrementAndGet();
        } else if (cause instanceof Mqtt5PubAckException refused) {
            // the broker will never take it (e.g. not authorised): waiting would block the queue forever
            log.error("fleet: the broker refused {} ({}); dropped", m.topic(), refused.getMqttMessage().getReasonCode());
            outbox.remove(m.seq());
        }
        sendNext();
    }

    /**
     * A PUBACK not come within {@link #PUBLISH_TIMEOUT_SECONDS} is given up and the message sent again (at least
     * once, never out of order). Worker only, at each heartbeat.
     */
    private void giveUpStaleSend() {
        if (inFlight != null
                && System.nanoTime() - inFlightSince > TimeUnit.SECONDS.toNanos(PUBLISH_TIMEOUT_SECONDS)) {
            log.warn("fleet: no PUBACK for {} within {} s; sending it again", inFlight.topic(), PUBLISH_TIMEOUT_SECONDS);
            inFlight = null;
            sendNext();
        }
    }

    /** A command payload as if it had arrived from the broker (tests without a broker). */
    void receive(byte[] payload) {
        threads.commands().execute(() -> handleCommand(payload));
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
            java.util.concurrent.CompletableFuture.runAsync(() -> enqueue(topics.state(), FleetJson.bytes(
                    KioskState.offline(settings.region(), settings.hall(), settings.kiosk(), "stopped", clock.instant())),
                    true), worker).get(5, TimeUnit.SECONDS);
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
        threads.close();
        try {
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
        threads.close();
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
