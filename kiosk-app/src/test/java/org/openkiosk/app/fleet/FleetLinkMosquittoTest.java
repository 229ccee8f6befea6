package org.openkiosk.app.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.config.FleetSettings;
import org.openkiosk.testsupport.ChildJvm;
import org.openkiosk.testsupport.MosquittoBroker;
import org.openkiosk.testsupport.Poll;

/** The fleet link against a real Mosquitto with passwords and the repository's example ACL. */
class FleetLinkMosquittoTest {

    static final String REGION = "r1";
    static final String HALL = "H-3101";
    static final Path EXAMPLE_ACL = Path.of("..", "config", "examples", "mosquitto", "openkiosk.acl");

    @TempDir
    Path tmp;

    private MosquittoBroker broker;
    private FleetLink link;
    private MqttProbe probe;

    @AfterEach
    void tearDown() {
        if (link != null) {
            link.close();
        }
        if (probe != null) {
            probe.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    static MosquittoBroker.Builder hallBroker(Path dir) throws Exception {
        return MosquittoBroker.in(dir).user("K-A", "pw-a").user("K-B", "pw-b").user("operator", "pw-op")
                .acl(Files.readString(EXAMPLE_ACL));
    }

    static FleetSettings settings(String uri, String kiosk, Path queueDir, Duration heartbeat) {
        return new FleetSettings(URI.create(uri), Optional.empty(), Optional.of(kiosk), Optional.of("PW"),
                Optional.empty(), Optional.empty(), REGION, HALL, kiosk, heartbeat, Duration.ofSeconds(5), List.of(),
                Optional.of(queueDir), 1000, 1 << 20);
    }

    private FleetLink startLink(String kiosk, String password, TestStatusSource source) throws Exception {
        return FleetLink.start(settings(broker.uri(), kiosk, tmp.resolve("queue-" + kiosk), Duration.ofSeconds(1)),
                tmp, source, Clock.systemUTC(), name -> password);
    }

    private static JsonNode json(String payload) {
        try {
            return FleetJson.MAPPER.readTree(payload);
        } catch (Exception e) {
            throw new AssertionError(payload, e);
        }
    }

    @Test
    void publishesRetainedStateTelemetryAndAlarmsThatAreRaisedOnceAndCleared() throws Exception {
        broker = hallBroker(tmp.resolve("broker")).start();
        TestStatusSource source = new TestStatusSource(REGION, HALL, "K-A");
        link = startLink("K-A", "pw-a", source);
        FleetTopics topics = link.topics();
        probe = new MqttProbe(broker.port(), "operator", "pw-op", "openkiosk/v1/#");

        probe.await(topics.state(), p -> json(p).path("online").asBoolean());
        JsonNode telemetry = json(probe.await(topics.telemetry(), p -> true).payload());
        assertThat(telemetry.path("kiosk").asText()).isEqualTo("K-A");
        assertThat(telemetry.path("heapMaxBytes").asLong()).isPositive();

        source.paper = "NEAR_END";
        link.update();
        MqttProbe.Received raised = probe.await(topics.alarm("PAPER_NEAR_END.receiptPrinter"), p -> !p.isEmpty());
        assertThat(json(raised.payload()).path("severity").asText()).isEqualTo("warning");
        probe.await(topics.state(), p -> json(p).path("alarms").toString().contains("PAPER_NEAR_END.receiptPrinter"));

        source.paper = "EMPTY";
        source.health = "ERROR";
        link.update();
        probe.await(topics.alarm("PAPER_OUT.receiptPrinter"), p -> !p.isEmpty());
        probe.await(topics.alarm("PAPER_NEAR_END.receiptPrinter"), String::isEmpty); // cleared

        source.paper = "OK";
        source.health = "ONLINE";
        link.update();
        probe.await(topics.alarm("PAPER_OUT.receiptPrinter"), String::isEmpty);
        probe.await(topics.state(), p -> json(p).path("alarms").isEmpty() && json(p).path("online").asBoolean());
        link.update();
        link.update(); // unchanged: nothing more

        // a late subscriber sees the retained state and no retained alarm (cleared alarms are gone)
        try (MqttProbe late = new MqttProbe(broker.port(), "operator", "pw-op", "openkiosk/v1/+/+/+/state",
                "openkiosk/v1/+/+/+/alarm/+")) {
            late.await(r -> r.topic().equals(topics.state()) && r.retain(), Duration.ofSeconds(10));
            assertThat(late.all()).noneMatch(r -> r.topic().contains("/alarm/"));
        }
        long raisedNearEnd = probe.all().stream()
                .filter(r -> r.topic().equals(topics.alarm("PAPER_NEAR_END.receiptPrinter")) && !r.empty()).count();
        assertThat(raisedNearEnd).as("raised once").isEqualTo(1);
    }

    @Test
    void brokerAndKioskRestartedMidSessionLoseNothingAndKeepTheOrder() throws Exception {
        broker = hallBroker(tmp.resolve("broker")).start();
        TestStatusSource source = new TestStatusSource(REGION, HALL, "K-A");
        link = startLink("K-A", "pw-a", source);
        FleetTopics topics = link.topics();
        probe = new MqttProbe(broker.port(), "operator", "pw-op", topics.event());
        link.event("test", Map.of("n", "0"));
        probe.await(topics.event(), p -> p.contains("\"n\":\"0\""));
        // the operator having it is not the kiosk knowing it arrived: a broker stopped before its PUBACK reached the
        // kiosk makes the kiosk send 0 again (at least once), which this order check would read as a duplicate
        Poll.until(Duration.ofSeconds(20), "the kiosk's queue empty (0 acknowledged)", () -> link.queued() == 0);

        broker.stop();
        IntStream.rangeClosed(1, 10).forEach(i -> link.event("test", Map.of("n", String.valueOf(i))));
        link.close(); // the kiosk restarts while the broker is away
        link = startLink("K-A", "pw-a", source);
        IntStream.rangeClosed(11, 20).forEach(i -> link.event("test", Map.of("n", String.valueOf(i))));
        assertThat(link.queued()).isGreaterThanOrEqualTo(20);
        broker.start();

        try {
            probe.await(topics.event(), p -> p.contains("\"n\":\"20\""));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nbroker log:\n" + broker.log(), e);
        }
        List<Integer> order = probe.all().stream().filter(r -> r.topic().equals(topics.event()))
                .map(r -> json(r.payload()).path("details").path("n").asInt()).toList();
        assertThat(order).containsExactlyElementsOf(IntStream.rangeClosed(0, 20).boxed().toList());
    }

    @Test
    void aFlappingLinkLosesNothingAndKeepsTheOrder() throws Exception {
        broker = hallBroker(tmp.resolve("broker")).start();
        link = startLink("K-A", "pw-a", new TestStatusSource(REGION, HALL, "K-A"));
        FleetTopics topics = link.topics();
        probe = new MqttProbe(broker.port(), "operator", "pw-op", topics.event());
        int n = 0;
        for (int flap = 0; flap < 3; flap++) {
            for (int i = 0; i < 5; i++) {
                link.event("test", Map.of("n", String.valueOf(n++)));
            }
            // SIGTERM: the broker keeps its subscribers' sessions (a SIGKILLed Mosquitto may lose what it had not
            // saved yet, which no client can prevent); for the kiosk the link drops either way
            broker.stop();
            for (int i = 0; i < 5; i++) {
                link.event("test", Map.of("n", String.valueOf(n++)));
            }
            broker.start();
        }
        int last = n - 1;
        probe.await(topics.event(), p -> p.contains("\"n\":\"" + last + "\""));
        List<Integer> order = probe.all().stream().filter(r -> r.topic().equals(topics.event()))
                .map(r -> json(r.payload()).path("details").path("n").asInt()).distinct().toList();
        assertThat(order).containsExactlyElementsOf(IntStream.rangeClosed(0, last).boxed().toList());
    }

    @Test
    void manyLinksOnTwoSharedThreadsEachKeepTheirOrderAcrossABrokerRestart() throws Exception {
        broker = MosquittoBroker.in(tmp.resolve("broker")).start(); // anonymous: 20 kiosks without 20 accounts
        probe = new MqttProbe(broker.port(), null, null, "openkiosk/v1/" + REGION + "/" + HALL + "/+/event");
        List<FleetLink> links = new java.util.ArrayList<>();
        try (FleetExecutors shared = FleetExecutors.shared(2)) {
            for (int k = 0; k < 20; k++) {
                String id = "K-" + k;
                FleetSettings s = new FleetSettings(URI.create(broker.uri()), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), REGION, HALL, id, Duration.ofSeconds(1),
                        Duration.ofSeconds(5), List.of(), Optional.of(tmp.resolve("queue-" + id)), 1000, 1 << 20);
                links.add(FleetLink.start(s, tmp, new TestStatusSource(REGION, HALL, id), Clock.systemUTC(),
                        name -> null, shared));
            }
            for (int n = 0; n < 10; n++) {
                if (n == 5) {
                    broker.stop();
                }
                for (FleetLink l : links) {
                    l.event("test", Map.of("n", String.valueOf(n)));
                }
            }
            broker.start();
            for (FleetLink l : links) {
                probe.await(l.topics().event(), p -> p.contains("\"n\":\"9\""));
                List<Integer> order = probe.all().stream().filter(r -> r.topic().equals(l.topics().event()))
                        .map(r -> json(r.payload()).path("details").path("n").asInt()).distinct().toList();
                assertThat(order).as(l.toString()).containsExactlyElementsOf(IntStream.range(0, 10).boxed().toList());
            }
            assertThat(Thread.getAllStackTraces().keySet()).as("no thread of their own")
                    .noneMatch(t -> t.getName().equals("fleet-link"));
        } finally {
            links.forEach(FleetLink::close);
        }
    }

    @Test
    void theBrokerRefusesAKioskPublishingAsAnotherKioskOrSendingCommands() throws Exception {
        broker = hallBroker(tmp.resolve("broker")).start();
        probe = new MqttProbe(broker.port(), "operator", "pw-op", "openkiosk/v1/#");
        FleetTopics a = FleetTopics.of(REGION, HALL, "K-A");
        FleetTopics b = FleetTopics.of(REGION, HALL, "K-B");
        try (MqttProbe kioskA = new MqttProbe(broker.port(), "K-A", "pw-a")) {
            for (String forbidden : List.of(b.state(), b.alarm("PAPER_OUT.receiptPrinter"), a.command(), b.command())) {
                assertThatThrownBy(() -> kioskA.client().publishWith().topic(forbidden).payload("x".getBytes())
                        .qos(MqttQos.AT_LEAST_ONCE).send().join())
                        .as(forbidden).isInstanceOf(CompletionException.class)
                        .cause().isInstanceOf(Mqtt5PubAckException.class)
                        .satisfies(e -> assertThat(((Mqtt5PubAckException) e).getMqttMessage().getReasonCode())
                                .isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED));
            }
            kioskA.client().publishWith().topic(a.event()).payload("marker".getBytes(StandardCharsets.UTF_8))
                    .qos(MqttQos.AT_LEAST_ONCE).send().join();
        }
        probe.await(a.event(), "marker"::equals);
        assertThat(probe.all()).extracting(MqttProbe.Received::topic).containsOnly(a.event());
    }

    @Test
    void aKioskKilledWithSigkillIsShownOfflineByItsLastWill() throws Exception {
        broker = hallBroker(tmp.resolve("broker")).start();
        FleetTopics topics = FleetTopics.of(REGION, HALL, "K-A");
        probe = new MqttProbe(broker.port(), "operator", "pw-op", topics.state());
        Process kiosk = ChildJvm.of(FleetKioskProcess.class, broker.uri(), tmp.resolve("queue-process").toString(),
                "pw-a").redirectErrorStream(true).redirectOutput(tmp.resolve("kiosk-process.log").toFile()).start();
        try {
            probe.await(topics.state(), p -> json(p).path("online").asBoolean());
            kiosk.destroyForcibly(); // SIGKILL: no goodbye, no DISCONNECT
            assertThat(kiosk.waitFor(30, TimeUnit.SECONDS)).as("the killed kiosk gone").isTrue();
            JsonNode will = json(probe.await(topics.state(), p -> !json(p).path("online").asBoolean()).payload());
            assertThat(will.path("reason").asText()).isEqualTo("connection lost");
            assertThat(will.path("kiosk").asText()).isEqualTo("K-A");
        } finally {
            kiosk.destroyForcibly();
        }
        // a late watcher sees the retained offline state
        try (MqttProbe late = new MqttProbe(broker.port(), "operator", "pw-op", topics.state())) {
            late.await(r -> r.retain() && r.payload().contains("\"online\":false"), Duration.ofSeconds(10));
        }
    }

    @Test
    void overTlsWithTheHallsCaAndAPassword() throws Exception {
        broker = hallBroker(tmp.resolve("broker")).tls().start();
        TestStatusSource source = new TestStatusSource(REGION, HALL, "K-A");
        FleetSettings plain = settings(broker.tlsUri(), "K-A", tmp.resolve("queue-tls"), Duration.ofSeconds(1));
        FleetSettings tls = new FleetSettings(plain.broker(), Optional.of(broker.caFile()), plain.username(),
                plain.passwordEnv(), Optional.empty(), Optional.empty(), REGION, HALL, "K-A", plain.heartbeat(),
                plain.keepAlive(), List.of(), plain.queueDirectory(), 1000, 1 << 20);
        probe = new MqttProbe(broker.port(), "operator", "pw-op", "openkiosk/v1/#");
        link = FleetLink.start(tls, tmp, source, Clock.systemUTC(), name -> "pw-a");
        probe.await(link.topics().state(), p -> json(p).path("online").asBoolean());
        assertThat(broker.log()).contains("on port " + broker.tlsPort());
    }

    @Test
    void aWrongPasswordNeverConnectsButTheKioskKeepsRunning() throws Exception {
        broker = hallBroker(tmp.resolve("broker")).start();
        TestStatusSource source = new TestStatusSource(REGION, HALL, "K-A");
        link = startLink("K-A", "wrong", source);
        link.event("test", Map.of());
        Poll.until(Duration.ofSeconds(20), "the broker logs the refusal", () -> broker.log().contains("not authorised"));
        // the link keeps trying in the background; the queue holds the event
        assertThat(link.connected()).isFalse();
        assertThat(link.queued()).isGreaterThanOrEqualTo(1);
    }
}
