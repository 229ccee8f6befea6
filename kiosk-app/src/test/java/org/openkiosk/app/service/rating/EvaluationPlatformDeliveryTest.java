package org.openkiosk.app.service.rating;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.config.StoreConfig;
import org.openkiosk.app.store.PostgresServer;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.Stores;
import org.openkiosk.app.store.journal.HallInbox;
import org.openkiosk.app.store.journal.Journal;
import org.openkiosk.app.store.journal.JournalRecord;
import org.openkiosk.app.store.journal.RecordKind;
import org.openkiosk.app.store.journal.Shipper;
import org.openkiosk.app.store.journal.TargetDeliveries;
import org.openkiosk.app.store.journal.TargetStatus;
import org.openkiosk.testsupport.Poll;

/**
 * Ratings reach the evaluation platform (ADR 0162) through the journal's shipper, against a real HTTP server on
 * loopback (the JDK's) that plays the platform: it takes each {@code Idempotency-Key} once (409 for a key it has),
 * and the test makes it fail with HTTP 500, answer too late, refuse connections (stopped), refuse a rating for good
 * (422) or refuse the kiosk's token (401). Afterwards the platform holds every rating of the journal exactly once, in
 * the journal's order; a refused rating is reported and sent only once.
 */
class EvaluationPlatformDeliveryTest {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Shipper.Settings FAST = new Shipper.Settings(5, Duration.ofMillis(20), Duration.ofMillis(200));
    private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(700);

    @TempDir
    Path tempDir;

    private final Clock clock = Clock.systemUTC();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final FakeEvaluationPlatform platform = new FakeEvaluationPlatform();
    private Store hallStore;
    private Store local;
    private Journal journal;

    @BeforeEach
    void kioskHallAndPlatform() throws Exception {
        hallStore = Stores.open(POSTGRES.newDatabase(), tempDir);
        openJournal();
        platform.start(0);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        platform.release();
        platform.stop();
        local.close();
        hallStore.close();
    }

    @Test
    void ratingsArriveOnceInTheJournalsOrderThroughA500ALateAnswerAndRefusedConnections() throws Exception {
        platform.failNext(500);
        platform.answerLateOnce(); // takes the rating, answers after the kiosk gave up: the kiosk sends it again
        Shipper shipper = startShipper();
        rate(6, "exit-entry");
        Poll.until(PATIENCE, "the late answer timed out and was retried", () -> platform.requests().size() >= 3
                && platform.accepted().size() >= 2);

        platform.stop(); // connection refused
        rate(5, "household");
        // The first attempt after the stop may still meet the closing keep-alive connection ("failed: … no
        // bytes"); the retries that follow meet a refused connection, which the operator sees as unreachable.
        TargetStatus away = Poll.value(PATIENCE, "the kiosk notices the platform is away",
                () -> Optional.of(ratings(shipper)).filter(s -> !s.reachable()
                        && s.problem().filter(p -> p.contains("unreachable")).isPresent()));
        assertThat(away.waiting()).isPositive();
        assertThat(away.nextAttempt()).isPresent();

        platform.start(platform.port()); // back on the same address
        awaitAllDelivered(shipper);

        List<String> journalOrder = ratingKeys();
        assertThat(journalOrder).hasSize(11);
        assertThat(platform.accepted()).containsExactlyElementsOf(journalOrder); // once each, in order
        // the first rating: refused with 500, taken but answered too late, sent again and known (409)
        assertThat(platform.requests()).filteredOn(r -> r.key().equals(journalOrder.get(0))).extracting(Seen::status)
                .containsExactly(500, 201, 409);
        assertThat(platform.requests()).hasSizeGreaterThan(11);
        assertThat(ratings(shipper).rejectedRecently()).isEmpty();
    }

    @Test
    void aKioskRestartSendsNothingTwiceAndACrashBeforeTheMarkIsTakenOnce() throws Exception {
        Shipper first = startShipper();
        rate(5, "exit-entry");
        awaitAllDelivered(first);
        first.close();
        local.close(); // the kiosk stops

        openJournal(); // and starts again on the same journal file
        Shipper second = startShipper();
        rate(3, "exit-entry");
        awaitAllDelivered(second);
        assertThat(platform.requests()).hasSize(8); // nothing delivered before the restart was sent again
        second.close();

        // a crash after the platform took a rating and before the kiosk marked it: it goes again, once more
        String unmarked = ratingKeys().get(6);
        local.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM journal_delivery WHERE record_key = ?")) {
                ps.setString(1, unmarked);
                return ps.executeUpdate();
            }
        });
        Shipper third = startShipper();
        awaitAllDelivered(third);
        assertThat(platform.requests()).hasSize(9).filteredOn(r -> r.key().equals(unmarked)).hasSize(2);
        assertThat(platform.requests().get(8).status()).isEqualTo(409);
        assertThat(platform.accepted()).containsExactlyElementsOf(ratingKeys());
        assertThat(new TargetDeliveries(local).outcome(HttpRatingsTarget.NAME, unmarked))
                .contains(TargetDeliveries.Outcome.DELIVERED);
    }

    @Test
    void aRatingThePlatformRefusesIsReportedAndNotSentAgain() throws Exception {
        platform.refuseService("no-such-service");
        Shipper shipper = startShipper();
        rate(2, "exit-entry");
        rate(1, "no-such-service");
        rate(2, "household");
        awaitAllDelivered(shipper);

        String refused = ratingKeys().get(2);
        TargetStatus status = ratings(shipper);
        assertThat(status.rejectedRecently()).singleElement().satisfies(r -> {
            assertThat(r.recordKey()).isEqualTo(refused);
            assertThat(r.detail()).contains("HTTP 422");
        });
        List<String> taken = new ArrayList<>(ratingKeys());
        taken.remove(refused);
        assertThat(platform.accepted()).containsExactlyElementsOf(taken); // the ones after it went on, in order
        assertThat(platform.requests()).filteredOn(r -> r.key().equals(refused)).hasSize(1);

        shipper.wake(); // even when woken again, and after a restart, the refused rating stays aside
        shipper.close();
        Shipper again = startShipper();
        rate(1, "exit-entry");
        awaitAllDelivered(again);
        assertThat(platform.requests()).filteredOn(r -> r.key().equals(refused)).hasSize(1);
        assertThat(ratings(again).rejectedRecently()).hasSize(1);
    }

    @Test
    void theBackOffDoublesUpToItsLongestWaitAndStartsOverOnceTaken() {
        for (int i = 0; i < 5; i++) {
            platform.failNext(503);
        }
        Clock frozen = Clock.fixed(java.time.Instant.parse("2026-12-02T02:00:00Z"), java.time.ZoneOffset.UTC);
        Shipper.Settings backOff = new Shipper.Settings(5, Duration.ofMillis(150), Duration.ofMillis(600));
        // with the clock frozen, "next attempt" minus now is exactly the wait the lane chose
        java.util.List<Duration> waits = new java.util.concurrent.CopyOnWriteArrayList<>();
        Shipper lane = new Shipper(journal, HallInbox.standard(hallStore, clock, "H-1"), frozen, FAST)
                .deliverTo(target(), backOff);
        opened.add(lane);
        lane.start();
        rate(1, "exit-entry");
        Poll.until(PATIENCE, "the rating taken after five refusals", () -> {
            TargetStatus s = ratings(lane);
            s.nextAttempt().map(at -> Duration.between(frozen.instant(), at)).filter(w -> waits.isEmpty()
                    || !waits.get(waits.size() - 1).equals(w)).ifPresent(waits::add);
            return s.waiting() == 0 && s.reachable();
        });
        assertThat(platform.statuses()).containsExactly(503, 503, 503, 503, 503, 201);
        assertThat(waits).isSubsetOf(Duration.ofMillis(150), Duration.ofMillis(300), Duration.ofMillis(600))
                .isSorted().contains(Duration.ofMillis(600));
        assertThat(ratings(lane).nextAttempt()).isEmpty();
    }

    @Test
    void aRefusedTokenIsTheKiosksSetUpNotTheRatingsAndIsRetried() {
        platform.failNext(401);
        Shipper shipper = startShipper();
        rate(2, "exit-entry");
        awaitAllDelivered(shipper);
        assertThat(platform.statuses()).startsWith(401);
        assertThat(platform.accepted()).containsExactlyElementsOf(ratingKeys());
        assertThat(ratings(shipper).rejectedRecently()).isEmpty();
    }

    @Test
    void theBodyHoldsNoPersonalDataAndOnlyReasonCodes() throws Exception {
        HttpRatingsTarget target = target();
        JournalRecord typed = record(Map.of("service", "exit-entry", "level", "1",
                "reason", "张三 110101199003071234 13800138000"));
        String body = target.body(typed);
        assertThat(body).doesNotContain("张三", "110101199003071234", "13800138000");
        JsonNode json = new ObjectMapper().readTree(body);
        assertThat(json.get("reasonCode").asText()).isEqualTo("other");
        assertThat(json.get("ratingId").asText()).isEqualTo(typed.key());
        Set<String> fields = new LinkedHashSet<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("ratingId", "kioskId", "hallId", "serviceCode", "level", "ratedAt",
                "reasonCode");

        JournalRecord slow = record(Map.of("service", "exit-entry", "level", "2", "reason", "等待时间太长"));
        assertThat(new ObjectMapper().readTree(target.body(slow)).get("reasonCode").asText()).isEqualTo("slow");
        assertThat(new ObjectMapper().readTree(target.body(record(Map.of("service", "s", "level", "5"))))
                .get("reasonCode").isNull()).isTrue();
    }

    @Test
    void everyReasonTheRatingScreenOffersHasItsCode() throws IOException {
        Properties zh = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/org/openkiosk/app/ui/i18n/messages_zh.properties")) {
            zh.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        for (String reason : List.of("slow", "complicated", "device", "other")) {
            assertThat(HttpRatingsTarget.REASON_CODES).containsEntry(zh.getProperty("rating.reason." + reason), reason);
        }
    }

    // --- the kiosk side

    private void openJournal() {
        local = Stores.open(new StoreConfig(Stores.EMBEDDED, tempDir.resolve("kiosk-journal").toString(), null, null),
                tempDir);
        journal = new Journal(local, clock, "K-07");
    }

    private HttpRatingsTarget target() {
        try {
            return new HttpRatingsTarget(URI.create("http://127.0.0.1:" + platform.port() + "/pj"), "H-1",
                    Duration.ofMillis(500), REQUEST_TIMEOUT, Optional.of("kiosk-token"), SSLContext.getDefault());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Shipper startShipper() {
        Shipper shipper = new Shipper(journal, HallInbox.standard(hallStore, clock, "H-1"), clock, FAST)
                .deliverTo(target(), FAST).start();
        opened.add(shipper);
        return shipper;
    }

    private void rate(int count, String service) {
        for (int i = 0; i < count; i++) {
            int level = 1 + i % 5;
            journal.store().inTransaction(c -> journal.append(c, RecordKind.RATING,
                    Map.of("service", service, "level", Integer.toString(level))));
        }
    }

    private List<String> ratingKeys() {
        return journal.all().stream().filter(r -> r.kind() == RecordKind.RATING).map(JournalRecord::key).toList();
    }

    private static TargetStatus ratings(Shipper shipper) {
        return shipper.targetStatuses().stream().filter(t -> t.target().equals(HttpRatingsTarget.NAME)).findFirst()
                .orElseThrow();
    }

    private void awaitAllDelivered(Shipper shipper) {
        Poll.until(PATIENCE, "every rating settled with the evaluation platform", () -> {
            TargetStatus s = ratings(shipper);
            return s.waiting() == 0 && s.reachable();
        });
    }

    private static JournalRecord record(Map<String, String> fields) throws Exception {
        String payload = new ObjectMapper().writeValueAsString(new java.util.TreeMap<>(fields));
        return new JournalRecord("K-07:" + java.util.UUID.randomUUID(), RecordKind.RATING, "K-07",
                java.time.Instant.parse("2026-12-02T02:10:00Z"), payload);
    }

    // --- the platform side

    /** One request the platform saw, and what it answered. */
    record Seen(String key, String serviceCode, int status) {}

    /** The evaluation platform as docs/ratings-http-api.md describes it, with faults the test turns on. */
    static final class FakeEvaluationPlatform {
        private final List<Seen> requests = Collections.synchronizedList(new ArrayList<>());
        private final List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        private final ConcurrentLinkedDeque<Integer> failures = new ConcurrentLinkedDeque<>();
        private final CountDownLatch late = new CountDownLatch(1);
        private final Map<String, Boolean> refusedServices = new HashMap<>();
        private volatile boolean answerLate;
        private volatile HttpServer server;
        private ExecutorService executor;
        private int port;

        void start(int onPort) throws IOException {
            executor = Executors.newCachedThreadPool();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 16);
            server.createContext("/pj/v1/ratings", this::handle);
            server.setExecutor(executor);
            server.start();
            port = server.getAddress().getPort();
        }

        void stop() throws InterruptedException {
            HttpServer s = server;
            if (s != null) {
                s.stop(0);
                executor.shutdownNow();
                executor.awaitTermination(5, TimeUnit.SECONDS);
                server = null;
            }
        }

        int port() {
            return port;
        }

        void failNext(int status) {
            failures.add(status);
        }

        void answerLateOnce() {
            answerLate = true;
        }

        void release() {
            late.countDown();
        }

        synchronized void refuseService(String serviceCode) {
            refusedServices.put(serviceCode, true);
        }

        List<Seen> requests() {
            synchronized (requests) {
                return List.copyOf(requests);
            }
        }

        List<Integer> statuses() {
            return requests().stream().map(Seen::status).toList();
        }

        List<String> accepted() {
            synchronized (accepted) {
                return List.copyOf(accepted);
            }
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                JsonNode body = new ObjectMapper().readTree(exchange.getRequestBody().readAllBytes());
                String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
                String service = body.path("serviceCode").asText();
                int status = answer(exchange, key, body, service);
                requests.add(new Seen(key, service, status));
                if (status == 201 && answerLate) {
                    answerLate = false;
                    try {
                        late.await(30, TimeUnit.SECONDS); // the kiosk's request timeout passes meanwhile
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                exchange.sendResponseHeaders(status, -1);
            }
        }

        private synchronized int answer(HttpExchange exchange, String key, JsonNode body, String service) {
            Integer failure = failures.poll();
            if (failure != null) {
                return failure;
            }
            if (!"Bearer kiosk-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                return 401;
            }
            if (!"POST".equals(exchange.getRequestMethod()) || key == null || !key.equals(body.path("ratingId").asText())) {
                return 400;
            }
            if (refusedServices.containsKey(service)) {
                return 422;
            }
            if (accepted.contains(key)) {
                return 409;
            }
            accepted.add(key);
            return 201;
        }
    }
}
