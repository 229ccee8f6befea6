package org.openkiosk.app.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.certificate.CertificateKeys;
import org.openkiosk.app.config.ConfigLoader;
import org.openkiosk.app.config.FleetSettings;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.fleet.command.CommandProcessor;
import org.openkiosk.app.fleet.command.CommandSigner;
import org.openkiosk.app.fleet.command.FleetCommand;
import org.openkiosk.app.maintenance.RepositoryConfig;
import org.openkiosk.app.maintenance.ServiceState;
import org.openkiosk.app.runtime.DefaultKioskRuntime;
import org.openkiosk.testsupport.MosquittoBroker;

/**
 * Signed remote commands on the real demo kiosk (devices on their simulators, the embedded store and its audit
 * chain) through a real Mosquitto with the example ACL: the operator publishes, the kiosk verifies, acts, replies
 * and audits.
 */
class FleetCommandsTest {

    @TempDir
    static Path tmp;

    static MosquittoBroker broker;
    static DefaultKioskRuntime runtime;
    static KioskFleet fleet;
    static MqttProbe operator;
    static Path configDir;
    static Path dataDir;
    static CommandSigner duty;
    static CommandSigner impostor;
    static final List<Integer> exits = new CopyOnWriteArrayList<>();
    static FleetTopics topics;
    static String target;

    @BeforeAll
    static void start() throws Exception {
        broker = FleetLinkMosquittoTest.hallBroker(tmp.resolve("broker")).start();
        configDir = RepositoryConfig.copyTo(tmp.resolve("config"));
        dataDir = tmp.resolve("data");
        KeyPair pair = CertificateKeys.generate(configDir.resolve("operators"), "duty-1", "test operator");
        duty = new CommandSigner(pair.getPrivate(), "duty-1");
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        impostor = new CommandSigner(other.getPrivate(), "duty-1"); // claims the trusted key id
        KioskConfig config = ConfigLoader.load(configDir);
        runtime = DefaultKioskRuntime.start(config, configDir, dataDir, true, Clock.systemUTC());
        FleetSettings settings = new FleetSettings(java.net.URI.create(broker.uri()), Optional.empty(),
                Optional.of("K-A"), Optional.of("PW"), Optional.empty(), Optional.empty(), FleetLinkMosquittoTest.REGION,
                FleetLinkMosquittoTest.HALL, "K-A", Duration.ofSeconds(2), Duration.ofSeconds(5),
                List.of(configDir.resolve("operators/duty-1.public.pem")), Optional.empty(), 1000, 16 << 20);
        fleet = KioskFleet.start(settings, runtime, Optional.of(runtime.store()), configDir, dataDir, Clock.systemUTC(),
                name -> "pw-a", exits::add);
        topics = fleet.link().topics();
        target = FleetLinkMosquittoTest.REGION + "/" + FleetLinkMosquittoTest.HALL + "/K-A";
        operator = new MqttProbe(broker.port(), "operator", "pw-op", topics.reply(), topics.state(),
                topics.root() + "/diag/+");
        operator.await(topics.state(), p -> p.contains("\"online\":true"));
    }

    @AfterAll
    static void stop() {
        if (operator != null) {
            operator.close();
        }
        if (fleet != null) {
            fleet.close();
        }
        if (runtime != null) {
            runtime.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private static void send(byte[] payload) {
        operator.client().publishWith().topic(topics.command()).payload(payload).qos(MqttQos.AT_LEAST_ONCE).send().join();
    }

    private static FleetCommand command(CommandSigner signer, String name, Map<String, String> args) {
        return signer.sign(target, name, args, Instant.now(), Duration.ofMinutes(5));
    }

    private static JsonNode replyTo(String id) {
        return json(operator.await(topics.reply(), p -> p.contains("\"id\":\"" + id + "\"")).payload());
    }

    private static JsonNode json(String payload) {
        try {
            return FleetJson.MAPPER.readTree(payload);
        } catch (Exception e) {
            throw new AssertionError(payload, e);
        }
    }

    private static long audited(String action, String subject) {
        return runtime.store().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM audit_log WHERE action = ? AND subject = ?")) {
                ps.setString(1, action);
                ps.setString(2, subject);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Test
    void aSignedPingIsAnsweredAndAudited() {
        FleetCommand ping = command(duty, CommandProcessor.PING, Map.of());
        send(ping.toJson());
        JsonNode reply = replyTo(ping.id());
        assertThat(reply.path("outcome").asText()).isEqualTo("applied");
        assertThat(reply.path("data").path("pong").asText()).isNotEmpty();
        assertThat(audited("FLEET_COMMAND_ACCEPTED", "fleet-command:" + ping.id())).isEqualTo(1);
        assertThat(runtime.services().audit().verify().intact()).isTrue();
    }

    @Test
    void outOfServiceIsShownInTheStateAndPersistedUntilSwitchedBack() {
        FleetCommand off = command(duty, CommandProcessor.OUT_OF_SERVICE, Map.of("on", "true", "reason", "printer repair"));
        send(off.toJson());
        assertThat(replyTo(off.id()).path("outcome").asText()).isEqualTo("applied");
        JsonNode state = json(operator.await(topics.state(), p -> p.contains("E-MAINT")).payload());
        assertThat(state.path("service").path("reason").asText()).isEqualTo("printer repair");
        assertThat(state.path("service").path("by").asText()).isEqualTo("operator:duty-1");
        assertThat(dataDir.resolve(ServiceState.FILE)).exists();
        assertThat(ServiceState.persistent(dataDir, Clock.systemUTC()).inService()).isFalse();

        FleetCommand on = command(duty, CommandProcessor.OUT_OF_SERVICE, Map.of("on", "false"));
        send(on.toJson());
        assertThat(replyTo(on.id()).path("outcome").asText()).isEqualTo("applied");
        assertThat(ServiceState.persistent(dataDir, Clock.systemUTC()).inService()).isTrue();
        assertThat(dataDir.resolve(ServiceState.FILE)).doesNotExist();
    }

    @Test
    void forgedUnsignedExpiredReplayedAndMisaddressedCommandsAreRejectedAndAudited() {
        ServiceState state = ServiceState.persistent(dataDir, Clock.systemUTC());
        Map<String, String> takeOut = Map.of("on", "true", "reason", "attack");

        FleetCommand forged = command(impostor, CommandProcessor.OUT_OF_SERVICE, takeOut);
        FleetCommand signed = command(duty, CommandProcessor.OUT_OF_SERVICE, takeOut);
        FleetCommand unsigned = new FleetCommand("unsigned-" + System.nanoTime(), target, CommandProcessor.OUT_OF_SERVICE,
                new java.util.TreeMap<>(takeOut), Instant.now(), Instant.now().plusSeconds(60), "duty-1", Optional.empty());
        FleetCommand expired = duty.sign(target, CommandProcessor.OUT_OF_SERVICE, takeOut,
                Instant.now().minus(Duration.ofMinutes(10)), Duration.ofMinutes(5));
        FleetCommand elsewhere = duty.sign(FleetLinkMosquittoTest.REGION + "/" + FleetLinkMosquittoTest.HALL + "/K-B",
                CommandProcessor.OUT_OF_SERVICE, takeOut, Instant.now(), Duration.ofMinutes(5));
        FleetCommand tooLong = duty.sign(target, CommandProcessor.PING, Map.of(), Instant.now(), Duration.ofHours(2));
        FleetCommand tampered = new FleetCommand(signed.id() + "x", signed.target(), signed.command(),
                new java.util.TreeMap<>(Map.of("on", "true", "reason", "changed")), signed.issuedAt(),
                signed.expiresAt(), signed.keyId(), signed.signature());

        Map<FleetCommand, String> expected = new java.util.LinkedHashMap<>();
        expected.put(forged, "BAD_SIGNATURE");
        expected.put(unsigned, "UNSIGNED");
        expected.put(expired, "EXPIRED");
        expected.put(elsewhere, "WRONG_KIOSK");
        expected.put(tooLong, "LIFETIME_TOO_LONG");
        expected.put(tampered, "BAD_SIGNATURE");
        expected.forEach((c, code) -> {
            send(c.toJson());
            JsonNode reply = replyTo(c.id());
            assertThat(reply.path("outcome").asText()).as(code).isEqualTo("rejected");
            assertThat(reply.path("code").asText()).isEqualTo(code);
            assertThat(audited("FLEET_COMMAND_REJECTED", "fleet-command:" + c.id())).as(code).isEqualTo(1);
        });
        assertThat(state.inService()).isTrue();

        // the genuine command works once; the same bytes again are a replay
        send(signed.toJson());
        assertThat(replyTo(signed.id()).path("outcome").asText()).isEqualTo("applied");
        state.backInService();
        int before = operator.all().size();
        send(signed.toJson());
        JsonNode replay = json(operator.await(r -> operator.all().indexOf(r) >= before && r.topic().equals(topics.reply())
                && r.payload().contains("REPLAYED"), Duration.ofSeconds(20)).payload());
        assertThat(replay.path("id").asText()).isEqualTo(signed.id());
        assertThat(state.inService()).isTrue();
        assertThat(runtime.services().audit().verify().intact()).isTrue();
    }

    @Test
    void malformedAndOversizedPayloadsAreRejectedAuditedAndTheKioskCarriesOn() {
        long rejectedBefore = countAction("FLEET_COMMAND_REJECTED");
        send("{not json".getBytes(StandardCharsets.UTF_8));
        operator.await(topics.reply(), p -> p.contains("\"code\":\"MALFORMED\""));
        send(("{\"schema\":\"openkiosk/command/1\",\"pad\":\"" + "x".repeat(20_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        operator.await(topics.reply(), p -> p.contains("\"code\":\"OVERSIZED\""));
        assertThat(countAction("FLEET_COMMAND_REJECTED") - rejectedBefore).isGreaterThanOrEqualTo(2);

        FleetCommand ping = command(duty, CommandProcessor.PING, Map.of());
        send(ping.toJson());
        assertThat(replyTo(ping.id()).path("outcome").asText()).isEqualTo("applied");
    }

    @Test
    void aReloadOfABrokenConfigurationIsRejectedWithItsProblemsAndAValidOneRestartsWhenIdle() throws Exception {
        Path kioskYaml = configDir.resolve("kiosk.yaml");
        String good = Files.readString(kioskYaml);
        Files.writeString(kioskYaml, good.replace("idleTimeout: 60s", "idleTimeout: 60 seconds"));
        try {
            FleetCommand reload = command(duty, CommandProcessor.RELOAD_CONFIG, Map.of());
            send(reload.toJson());
            JsonNode reply = replyTo(reload.id());
            assertThat(reply.path("outcome").asText()).isEqualTo("rejected");
            assertThat(reply.path("code").asText()).isEqualTo("INVALID_CONFIGURATION");
            assertThat(reply.path("problems").get(0).asText()).startsWith("kiosk.yaml:").contains("ui.idleTimeout");
            assertThat(exits).isEmpty();
        } finally {
            Files.writeString(kioskYaml, good);
        }
        FleetCommand reload = command(duty, CommandProcessor.RELOAD_CONFIG, Map.of());
        send(reload.toJson());
        assertThat(replyTo(reload.id()).path("outcome").asText()).isEqualTo("applied");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (exits.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20); // polling the recorded exit
        }
        assertThat(exits).containsExactly(KioskFleet.RESTART_EXIT_CODE);
    }

    @Test
    void diagnosticsArePublishedInChunksThatReassembleIntoTheBundle() throws Exception {
        FleetCommand diag = command(duty, CommandProcessor.DIAGNOSTICS, Map.of());
        send(diag.toJson());
        JsonNode reply = replyTo(diag.id());
        assertThat(reply.path("outcome").asText()).isEqualTo("applied");
        int chunks = reply.path("data").path("chunks").asInt();
        String topic = reply.path("data").path("topic").asText();
        operator.await(topic, p -> p.contains("\"index\":" + (chunks - 1) + ","));
        List<JsonNode> parts = new ArrayList<>(operator.all().stream().filter(r -> r.topic().equals(topic))
                .map(r -> json(r.payload())).toList());
        parts.sort(java.util.Comparator.comparingInt(n -> n.path("index").asInt()));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        for (JsonNode part : parts) {
            zip.write(Base64.getDecoder().decode(part.path("data").asText()));
        }
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip.toByteArray())))
                .isEqualTo(reply.path("data").path("sha256").asText());
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip.toByteArray()))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertThat(names).contains("service-state.txt");
    }

    private static long countAction(String action) {
        return runtime.store().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_log WHERE action = ?")) {
                ps.setString(1, action);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
