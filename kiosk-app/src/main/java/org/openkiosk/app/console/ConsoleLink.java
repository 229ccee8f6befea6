package org.openkiosk.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openkiosk.app.fleet.FleetJson;
import org.openkiosk.app.fleet.FleetTopics;
import org.openkiosk.app.fleet.command.CommandSigner;
import org.openkiosk.app.fleet.command.FleetCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's MQTT side: reads every kiosk's state, alarms, telemetry, help calls, events and replies into the
 * {@link HallView} (subscribing again after each reconnection), and sends commands signed with the console's
 * operator key, handing back the kiosk's reply.
 */
public final class ConsoleLink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConsoleLink.class);
    /** How long a command stays valid: long enough for a kiosk that is reconnecting, short against replay. */
    public static final Duration COMMAND_VALIDITY = Duration.ofMinutes(5);
    private static final int MAX_BUNDLES = 8;

    private final Mqtt5AsyncClient client;
    private final HallView hall;
    private final CommandSigner signer;
    private final Clock clock;
    private final Map<String, CompletableFuture<JsonNode>> awaitingReplies = new ConcurrentHashMap<>();
    private volatile boolean connected;
    /** The newest diagnostics bundles kiosks sent, by command id, until downloaded (a few, they are large). */
    private final Map<String, DiagnosticsDownload> downloads = new java.util.LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DiagnosticsDownload> eldest) {
            return size() > MAX_BUNDLES;
        }
    };

    private ConsoleLink(Mqtt5ClientBuilder builder, HallView hall, CommandSigner signer, Clock clock) {
        this.hall = hall;
        this.signer = signer;
        this.clock = clock;
        this.client = builder.automaticReconnect().initialDelay(1, TimeUnit.SECONDS).maxDelay(30, TimeUnit.SECONDS)
                .applyAutomaticReconnect()
                .addConnectedListener(ctx -> subscribe())
                .addDisconnectedListener(ctx -> {
                    if (connected) {
                        log.warn("console: lost the broker: {}", ctx.getCause().getMessage());
                    }
                    connected = false;
                })
                .buildAsync();
    }

    /** Connects (waiting up to {@code timeout} for the first connection) and follows the hall from then on. */
    public static ConsoleLink start(Mqtt5ClientBuilder builder, HallView hall, CommandSigner signer, Clock clock,
                                    Duration timeout) throws IOException {
        ConsoleLink link = new ConsoleLink(builder, hall, signer, clock);
        link.client.publishes(MqttGlobalPublishFilter.ALL, p -> link.receive(p.getTopic().toString(), p.getPayloadAsBytes()));
        try {
            link.client.connectWith().cleanStart(true).send().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            link.client.disconnect();
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IOException("cannot connect to the broker: " + cause.getMessage(), cause);
        }
        return link;
    }

    private void subscribe() {
        String all = FleetTopics.PREFIX + "+/+/+/";
        client.subscribeWith()
                .topicFilter(FleetTopics.ALL_STATES).qos(MqttQos.AT_LEAST_ONCE)
                .addSubscription().topicFilter(FleetTopics.ALL_ALARMS).qos(MqttQos.AT_LEAST_ONCE).applySubscription()
                .addSubscription().topicFilter(FleetTopics.ALL_HELP_CALLS).qos(MqttQos.AT_LEAST_ONCE).applySubscription()
                .addSubscription().topicFilter(all + "telemetry").qos(MqttQos.AT_MOST_ONCE).applySubscription()
                .addSubscription().topicFilter(all + "event").qos(MqttQos.AT_LEAST_ONCE).applySubscription()
                .addSubscription().topicFilter(all + "reply").qos(MqttQos.AT_LEAST_ONCE).applySubscription()
                .addSubscription().topicFilter(all + "diag/+").qos(MqttQos.AT_LEAST_ONCE).applySubscription()
                .send().whenComplete((ack, error) -> {
                    if (error != null) {
                        log.error("console: cannot subscribe to the hall's topics: {}", error.toString());
                    } else {
                        connected = true;
                        log.info("console: following the hall's kiosks");
                    }
                });
    }

    public boolean connected() {
        return connected;
    }

    private void receive(String topic, byte[] payload) {
        if (topic.contains("/diag/")) {
            String id = topic.substring(topic.lastIndexOf('/') + 1);
            try {
                JsonNode chunk = FleetJson.MAPPER.readTree(payload);
                synchronized (downloads) {
                    downloads.computeIfAbsent(id, DiagnosticsDownload::new).add(chunk);
                }
            } catch (IOException | RuntimeException e) {
                log.warn("console: a diagnostics chunk of {} is unreadable: {}", id, e.toString());
            }
            return;
        }
        if (topic.endsWith("/reply") && payload.length > 0) {
            try {
                JsonNode reply = FleetJson.MAPPER.readTree(payload);
                CompletableFuture<JsonNode> waiting = awaitingReplies.remove(reply.path("id").asText(""));
                if (waiting != null) {
                    waiting.complete(reply);
                }
            } catch (IOException e) {
                // not JSON: the hall view ignores it too
            }
        }
        hall.accept(topic, payload);
    }

    /**
     * Signs {@code command} for {@code target} (REGION/HALL/KIOSK) and sends it; the future completes with the
     * kiosk's reply, or exceptionally with a timeout.
     */
    public CompletableFuture<JsonNode> send(String target, String command, Map<String, String> args, Duration timeout) {
        FleetCommand signed = signer.sign(target, command, args, clock.instant(), COMMAND_VALIDITY);
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        awaitingReplies.put(signed.id(), reply);
        client.publishWith().topic(new FleetTopics(FleetTopics.PREFIX + target).command()).payload(signed.toJson())
                .qos(MqttQos.AT_LEAST_ONCE).send().whenComplete((ok, error) -> {
                    if (error != null) {
                        reply.completeExceptionally(error);
                    }
                });
        return reply.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((r, e) -> awaitingReplies.remove(signed.id()));
    }

    /** The diagnostics bundle a kiosk sent in answer to command {@code commandId}, once every chunk is here. */
    public java.util.Optional<byte[]> diagnostics(String commandId) throws IOException {
        DiagnosticsDownload d;
        synchronized (downloads) {
            d = downloads.get(commandId);
        }
        return d == null || !d.complete() ? java.util.Optional.empty() : java.util.Optional.of(d.bytes());
    }

    @Override
    public void close() {
        try {
            client.disconnect().get(3, TimeUnit.SECONDS);
        } catch (Exception e) {
            // leaving anyway
        }
    }
}
