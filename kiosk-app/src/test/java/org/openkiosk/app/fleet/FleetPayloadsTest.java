package org.openkiosk.app.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.certificate.CertificateKeys;
import org.openkiosk.app.config.ConfigLoader;
import org.openkiosk.app.config.FleetSettings;
import org.openkiosk.app.fleet.command.CommandProcessor;
import org.openkiosk.app.fleet.command.CommandSigner;
import org.openkiosk.app.maintenance.RepositoryConfig;
import org.openkiosk.app.runtime.DefaultKioskRuntime;
import org.openkiosk.app.service.appointment.BookingResult;
import org.openkiosk.app.service.appointment.SlotAvailability;
import org.openkiosk.app.service.catalogue.ServiceDefinition;
import org.openkiosk.app.service.certificate.IssueResult;
import org.openkiosk.app.service.identity.CardIdentity;
import org.openkiosk.app.service.identity.CardType;
import org.openkiosk.app.service.identity.Identity;
import org.openkiosk.app.service.platform.DemoData;
import org.openkiosk.app.service.rating.SatisfactionLevel;
import org.openkiosk.app.session.IdentificationMethod;
import org.openkiosk.app.session.SessionHolder;

/**
 * Every payload the fleet link makes during a full demo session (identify, print a certificate, book, check in,
 * rate, paper out and back, operator commands including a diagnostics bundle): valid against the AsyncAPI
 * document's schemas, and free of the demo people's names, ID numbers and the session's booking code.
 * The broker is unreachable on purpose: everything waits in the on-disk queue, exactly as it would be sent.
 */
class FleetPayloadsTest {

    @TempDir
    static Path tmp;

    static DefaultKioskRuntime runtime;
    static KioskFleet fleet;
    static final List<String> secrets = new ArrayList<>();
    /** No certificate number leaves the kiosk (docs/fleet.md): they stay in its log and print records. */
    static final List<String> certificateNumbers = new ArrayList<>();
    /** A certificate number's shape: the type's prefix, the year and eight digits (CertificateService). */
    private static final java.util.regex.Pattern CERTIFICATE_NUMBER = java.util.regex.Pattern.compile(
            "(?<![A-Za-z0-9])[A-Z]{2,5}20\\d{10}(?![0-9])");
    static final List<Map.Entry<String, byte[]>> payloads = new ArrayList<>();

    @BeforeAll
    static void demoSession() throws Exception {
        Path configDir = RepositoryConfig.copyTo(tmp.resolve("config"));
        Path dataDir = tmp.resolve("data");
        KeyPair pair = CertificateKeys.generate(configDir.resolve("operators"), "duty-1", "");
        runtime = DefaultKioskRuntime.start(ConfigLoader.load(configDir), configDir, dataDir, true, Clock.systemUTC());
        FleetSettings settings = FleetLinkMosquittoTest.settings("mqtt://127.0.0.1:1", "K-0101",
                dataDir.resolve("fleet-queue"), Duration.ofHours(1));
        settings = new FleetSettings(settings.broker(), settings.caFile(), settings.username(), settings.passwordEnv(),
                Optional.empty(), Optional.empty(), settings.region(), settings.hall(), settings.kiosk(),
                settings.heartbeat(), settings.keepAlive(), List.of(configDir.resolve("operators/duty-1.public.pem")),
                settings.queueDirectory(), 10_000, 64L << 20);
        fleet = KioskFleet.start(settings, runtime, Optional.of(runtime.store()), configDir, dataDir, Clock.systemUTC(),
                n -> "pw", code -> { });

        // a citizen session through the real services
        Identity who = runtime.services().identification().fromCard(
                new CardIdentity(CardType.RESIDENT_ID, "测试", DemoData.TEST_PERSON));
        new SessionHolder(Clock.systemUTC()).start(IdentificationMethod.ID_CARD, DemoData.TEST_PERSON).wipe();
        runtime.demoControls().orElseThrow().placeCard(org.openkiosk.device.idcard.CardType.values()[0]);
        IssueResult printed = runtime.services().certificates().issue(who, "residence");
        BookingResult booked = book(who);
        runtime.services().queue().walkIn(booked.booking().serviceCode()); // check-in is only on the booking day
        runtime.services().ratings().rate(booked.booking().serviceCode(), SatisfactionLevel.SATISFIED, Optional.empty());
        runtime.demoControls().orElseThrow().removeCard();
        certificateNumbers.add(printed.certificateNumber());
        secrets.addAll(List.of(DemoData.TEST_PERSON.value(), DemoData.ZHANG.value(), DemoData.LI.value(), "测试",
                "张示例", "李样例", "王演示", booked.slip().bookingCode(), DemoData.TEST_PERSON.value().substring(6, 14)));

        // the receipt roll runs out and is replaced
        FleetLink link = fleet.link();
        runtime.demoControls().orElseThrow().receiptPaperOut(true);
        runtime.receipts().printCertificateReceipt(new org.openkiosk.app.service.port.CertificateReceipt(
                "居住证明", printed.certificateNumber(), 1, Instant.now(), "K-0101"));
        awaitQueued(link, "/alarm/PAPER_OUT.receiptPrinter", false);
        runtime.demoControls().orElseThrow().receiptPaperOut(false);
        runtime.recheckAllDevices();
        link.update();
        awaitQueued(link, "/alarm/PAPER_OUT.receiptPrinter", true);

        // operator commands, and one forgery
        CommandSigner duty = new CommandSigner(pair.getPrivate(), "duty-1");
        String target = settings.region() + "/" + settings.hall() + "/" + settings.kiosk();
        for (var c : List.of(
                duty.sign(target, CommandProcessor.PING, Map.of(), Instant.now(), Duration.ofMinutes(1)),
                duty.sign(target, CommandProcessor.OUT_OF_SERVICE, Map.of("on", "true", "reason", "paper"), Instant.now(),
                        Duration.ofMinutes(1)),
                duty.sign(target, CommandProcessor.OUT_OF_SERVICE, Map.of("on", "false"), Instant.now(), Duration.ofMinutes(1)),
                duty.sign(target, CommandProcessor.DIAGNOSTICS, Map.of(), Instant.now(), Duration.ofMinutes(1)))) {
            link.receive(c.toJson());
            awaitQueued(link, "\"id\":\"" + c.id() + "\"", false);
        }
        link.receive("{\"schema\":\"openkiosk/command/1\",\"id\":\"forged-000001\"}".getBytes(StandardCharsets.UTF_8));
        awaitQueued(link, "forged-000001", false);
        link.event("session-demo", Map.of("flows", "certificate,booking,check-in,rating"));

        for (OutboxMessage m : link.queuedMessages()) {
            payloads.add(Map.entry(m.topic(), m.payload()));
        }
        payloads.add(Map.entry(link.topics().telemetry(), FleetJson.bytes(fleet.statusSource().telemetry())));
    }

    private static BookingResult book(Identity who) {
        ServiceDefinition service = runtime.services().appointments().bookableServices().get(0);
        for (LocalDate day : runtime.services().appointments().daysWithFreeSeats(service.code(), DemoData.DEMO_HALL)) {
            Optional<SlotAvailability> slot = runtime.services().appointments().day(service.code(), DemoData.DEMO_HALL, day)
                    .stream().filter(SlotAvailability::bookable).findFirst();
            if (slot.isPresent()) {
                return runtime.services().appointments().book(who, service.code(), DemoData.DEMO_HALL, day,
                        slot.get().start());
            }
        }
        throw new AssertionError("no free slot in the demo hall");
    }

    /** Polls the queue (with a deadline) for a message whose topic or payload contains {@code text}. */
    private static void awaitQueued(FleetLink link, String text, boolean emptyPayload) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (OutboxMessage m : link.queuedMessages()) {
                String payload = new String(m.payload(), StandardCharsets.UTF_8);
                if ((m.topic().contains(text) || payload.contains(text)) && payload.isEmpty() == emptyPayload) {
                    return;
                }
            }
            Thread.sleep(20); // polling the queue
        }
        throw new AssertionError("nothing queued with " + text);
    }

    @AfterAll
    static void stop() {
        if (fleet != null) {
            fleet.close();
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    private static String kindOf(String topic) {
        String[] levels = topic.split("/");
        return levels[5];
    }

    @Test
    void everyPayloadMatchesItsSchemaInTheAsyncApiDocument() throws Exception {
        AsyncApiSchemas schemas = AsyncApiSchemas.load();
        assertThat(schemas.document().path("asyncapi").asText()).isEqualTo("2.6.0");
        Map<String, String> schemaOf = Map.of("state", "KioskState", "telemetry", "Telemetry", "alarm", "Alarm",
                "event", "Event", "reply", "Reply", "diag", "DiagnosticsChunk", "cmd", "Command", "help", "HelpCall");
        Map<String, Integer> validated = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> p : payloads) {
            if (p.getValue().length == 0) {
                continue; // an alarm cleared: MQTT's empty retained message
            }
            if (kindOf(p.getKey()).equals("audit-head")) {
                // the head file's text, not JSON (ADR 0163): it must parse as a head
                org.openkiosk.app.service.audit.AuditHead.parse(new String(p.getValue(), StandardCharsets.UTF_8));
                validated.merge("AuditHead", 1, Integer::sum);
                continue;
            }
            String schemaName = schemaOf.get(kindOf(p.getKey()));
            assertThat(schemaName).as("a schema for " + p.getKey()).isNotNull();
            Set<ValidationMessage> errors = schemas.validate(schemaName, FleetJson.MAPPER.readTree(p.getValue()));
            assertThat(errors).as(p.getKey() + ": " + new String(p.getValue(), StandardCharsets.UTF_8)).isEmpty();
            validated.merge(schemaName, 1, Integer::sum);
        }
        assertThat(validated).containsKeys("KioskState", "Telemetry", "Alarm", "Event", "Reply", "DiagnosticsChunk");

        // and the operator's side: signed commands, also staff answering a help call
        var signer = new CommandSigner(java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair()
                .getPrivate(), "duty-1");
        JsonNode command = FleetJson.MAPPER.readTree(signer.sign("r1/H-3101/K-0101", "out-of-service",
                Map.of("on", "true", "reason", "维修"), Instant.now(), Duration.ofMinutes(5)).toJson());
        assertThat(schemas.validate("Command", command)).isEmpty();
        JsonNode answer = FleetJson.MAPPER.readTree(signer.sign("r1/H-3101/K-0101", CommandProcessor.HELP_CALL,
                Map.of("call", "help-" + java.util.UUID.randomUUID(), "state", HelpCalls.ACKNOWLEDGED), Instant.now(),
                Duration.ofMinutes(5)).toJson());
        assertThat(schemas.validate("Command", answer)).isEmpty();

        // a schema that would accept anything proves nothing: a wrong payload must fail
        assertThat(schemas.validate("KioskState", FleetJson.MAPPER.readTree(
                "{\"schema\":\"openkiosk/state/1\",\"kiosk\":\"K\",\"hall\":\"H\",\"region\":\"r\",\"online\":true,"
                        + "\"idNumber\":\"11010519491231002X\"}"))).isNotEmpty();
        assertThat(schemas.validate("HelpCall", FleetJson.MAPPER.readTree(
                "{\"schema\":\"openkiosk/help-call/1\",\"id\":\"help-1\",\"kiosk\":\"K\",\"state\":\"open\","
                        + "\"screen\":\"attract\",\"raisedAt\":\"2026-12-01T10:00:00Z\",\"at\":\"2026-12-01T10:00:00Z\","
                        + "\"name\":\"张示例\"}"))).isNotEmpty();
    }

    @Test
    void theRetainedStateCarriesTheAuditHeadThatTheStoreVerifiesAgainst() throws Exception {
        JsonNode newest = null;
        for (Map.Entry<String, byte[]> p : payloads) {
            if (kindOf(p.getKey()).equals("state") && p.getValue().length > 0) {
                newest = FleetJson.MAPPER.readTree(p.getValue());
            }
        }
        assertThat(newest).as("a state was queued").isNotNull();
        JsonNode audit = newest.path("audit");
        assertThat(audit.path("records").asLong()).as("identification, print, booking… are in the trail")
                .isGreaterThanOrEqualTo(5);
        var head = org.openkiosk.app.service.audit.AuditHead.parse(audit.path("head").asText());
        assertThat(head.seq()).isEqualTo(audit.path("records").asLong());
        assertThat(head.kioskId()).isEqualTo("K-0101");
        // the published head is one the store's chain reaches: a database cut below it would be detected
        assertThat(runtime.services().audit().verify(Optional.of(head)).intact()).isTrue();
    }

    @Test
    void theTelemetryCountsTheSessionWithoutSayingWhoItWas() throws Exception {
        JsonNode t = FleetJson.MAPPER.readTree(payloads.get(payloads.size() - 1).getValue());
        assertThat(t.path("sessions").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(t.path("prints").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(t.path("bookings").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(t.path("tickets").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(t.path("ratings").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void noPayloadCarriesPersonalData() throws Exception {
        assertThat(payloads).hasSizeGreaterThan(10);
        List<String> texts = new ArrayList<>();
        Map<String, ByteArrayOutputStream> bundles = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> p : payloads) {
            String text = new String(p.getValue(), StandardCharsets.UTF_8);
            texts.add(p.getKey() + " " + text);
            if (kindOf(p.getKey()).equals("diag")) {
                JsonNode chunk = FleetJson.MAPPER.readTree(p.getValue());
                bundles.computeIfAbsent(p.getKey(), k -> new ByteArrayOutputStream())
                        .write(Base64.getDecoder().decode(chunk.path("data").asText()));
            }
        }
        assertThat(bundles).as("a diagnostics bundle was published").isNotEmpty();
        for (ByteArrayOutputStream zip : bundles.values()) {
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
                for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    texts.add("diagnostics:" + e.getName() + " " + new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(certificateNumbers).as("the session printed a certificate").singleElement()
                .satisfies(n -> assertThat(n).matches(CERTIFICATE_NUMBER));
        for (String text : texts) {
            for (String secret : secrets) {
                assertThat(text).as("personal data \"%s\" in %s", secret, text.substring(0, Math.min(120, text.length())))
                        .doesNotContain(secret);
            }
            assertNoCertificateNumber(text);
        }
    }

    private static void assertNoCertificateNumber(String text) {
        for (String number : certificateNumbers) {
            assertThat(text).as("certificate number %s in %s", number, text.substring(0, Math.min(120, text.length())))
                    .doesNotContain(number);
        }
        assertThat(CERTIFICATE_NUMBER.matcher(text).results().map(java.util.regex.MatchResult::group).toList())
                .as("something shaped like a certificate number in %s", text.substring(0, Math.min(120, text.length())))
                .isEmpty();
    }

    @Test
    void anUnknownPrintOutcomeIsACountForStaffWithoutTheCertificateNumbers() throws Exception {
        var found = new org.openkiosk.app.service.certificate.PrintReconciliation(0, 0, List.of(
                "JZZ202699000002 (residence): job certificate-JZZ202699000002 is not in the printer's job history",
                "WFZ202699000007 (no-criminal-record): the printer keeps no job history"), List.of());
        Instant now = Instant.parse("2026-12-02T02:20:00Z");

        Alarm alarm = RuntimeStatusSource.printOutcomeUnknown("K-0101", found, now).orElseThrow();

        assertThat(alarm.code()).isEqualTo("PRINT_OUTCOME_UNKNOWN");
        assertThat(alarm.severity()).isEqualTo(AlarmRules.WARNING);
        assertThat(alarm.text()).isEqualTo("2 certificate print(s) left open by a crash or an outage cannot be settled;"
                + " their numbers and causes are in the kiosk's log and print records");
        assertThat(alarm.action()).isEqualTo("ask the citizen or check the tray; the attempts stay counted against the"
                + " reprint limit");
        String json = new String(FleetJson.bytes(alarm), StandardCharsets.UTF_8);
        assertThat(AsyncApiSchemas.load().validate("Alarm", FleetJson.MAPPER.readTree(json))).isEmpty();
        assertThat(json).doesNotContain("JZZ202699000002").doesNotContain("WFZ202699000007")
                .doesNotContain("residence").doesNotContain("job history");
        assertNoCertificateNumber(json);
        assertThat(RuntimeStatusSource.printOutcomeUnknown("K-0101",
                new org.openkiosk.app.service.certificate.PrintReconciliation(1, 1, List.of(), List.of("x")), now)).isEmpty();
    }

    @Test
    void aRestoredHallStoreIsAWarningWithTheRecordsSentAgainAndTheNumbersOnTwoSlips() throws Exception {
        Instant now = Instant.parse("2026-12-03T03:20:00Z");
        var status = new org.openkiosk.app.store.journal.ShipperStatus(Optional.empty(), 0, Optional.empty(),
                Optional.of(new org.openkiosk.app.store.journal.Journal.Reforwarded(
                        Instant.parse("2026-12-03T03:10:00Z"), 12)), List.of("A017"));

        Alarm alarm = RuntimeStatusSource.hallStoreRestored("K-0101", status, java.time.ZoneId.of("Asia/Shanghai"),
                now).orElseThrow();

        assertThat(alarm.code()).isEqualTo("HALL_STORE_RESTORED");
        assertThat(alarm.severity()).isEqualTo(AlarmRules.WARNING);
        assertThat(alarm.text()).isEqualTo("the hall store lacked 12 records of this kiosk at 2026-12-03 11:10"
                + " (restored from a backup?) and took them again; ticket numbers issued twice: A017");
        assertThat(alarm.since()).isEqualTo(Instant.parse("2026-12-03T03:10:00Z"));
        String json = new String(FleetJson.bytes(alarm), StandardCharsets.UTF_8);
        assertThat(AsyncApiSchemas.load().validate("Alarm", FleetJson.MAPPER.readTree(json))).isEmpty();
        assertThat(RuntimeStatusSource.hallStoreRestored("K-0101", new org.openkiosk.app.store.journal.ShipperStatus(
                Optional.empty(), 3, Optional.empty()), java.time.ZoneOffset.UTC, now)).isEmpty();
    }
}
