package org.openkiosk.app.fleet;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real MQTT 5 subscriber (the hall's view) for tests: keeps every message it receives, with a persistent session
 * so that messages published while it was away (a broker restart) still reach it.
 */
public final class MqttProbe implements AutoCloseable {

    public record Received(String topic, String payload, boolean retain) {
        public boolean empty() {
            return payload.isEmpty();
        }
    }

    private final Mqtt5AsyncClient client;
    private final List<Received> received = new ArrayList<>();

    public MqttProbe(int port, String user, String password, String... filters) {
        var builder = MqttClient.builder().useMqttVersion5().identifier("probe-" + System.nanoTime())
                .serverHost("127.0.0.1").serverPort(port);
        if (user != null) { // on the client, so that automatic reconnects authenticate too
            builder = builder.simpleAuth(com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuth.builder()
                    .username(user).password(password.getBytes(StandardCharsets.UTF_8)).build());
        }
        client = builder
                .automaticReconnect().initialDelay(100, TimeUnit.MILLISECONDS).maxDelay(1, TimeUnit.SECONDS)
                .applyAutomaticReconnect().buildAsync();
        client.publishes(MqttGlobalPublishFilter.ALL, p -> {
            synchronized (received) {
                received.add(new Received(p.getTopic().toString(),
                        new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8), p.isRetain()));
                received.notifyAll();
            }
        });
        var connect = client.connectWith().cleanStart(false).sessionExpiryInterval(3600); // reconnects resume the session
        connect.send().join();
        for (String f : filters) {
            client.subscribeWith().topicFilter(f).qos(MqttQos.AT_LEAST_ONCE).send().join();
        }
    }

    /** Waits (polling with a deadline) until a message matches, and returns it. */
    public Received await(Predicate<Received> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (received) {
            while (true) {
                for (Received r : received) {
                    if (match.test(r)) {
                        return r;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no matching message within " + timeout + "; received: " + received);
                }
                try {
                    received.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted");
                }
            }
        }
    }

    public Received await(String topic, Predicate<String> payload) {
        return await(r -> r.topic().equals(topic) && payload.test(r.payload()), Duration.ofSeconds(20));
    }

    public List<Received> all() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public void clear() {
        synchronized (received) {
            received.clear();
        }
    }

    public Mqtt5AsyncClient client() {
        return client;
    }

    @Override
    public void close() {
        try {
            client.disconnect().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // already gone
        }
    }
}
