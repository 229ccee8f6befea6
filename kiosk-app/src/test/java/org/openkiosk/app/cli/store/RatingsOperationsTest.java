package org.openkiosk.app.cli.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.cli.ExitCodes;
import org.openkiosk.app.cli.KioskCommand;
import org.openkiosk.app.config.ConfigLoader;
import org.openkiosk.app.config.StoreConfig;
import org.openkiosk.app.doctor.CheckResult;
import org.openkiosk.app.config.KioskConfig;
import org.openkiosk.app.doctor.Doctor;
import org.openkiosk.app.doctor.RatingsTargetCheck;
import org.openkiosk.app.runtime.RuntimeFixtures;
import org.openkiosk.app.service.audit.AuditKey;
import org.openkiosk.app.service.audit.AuditLog;
import org.openkiosk.app.service.rating.HttpRatingsTarget;
import org.openkiosk.app.service.rating.RatingService;
import org.openkiosk.app.service.rating.SatisfactionLevel;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.Stores;
import org.openkiosk.app.store.journal.Journal;
import org.openkiosk.app.store.journal.JournalForwarding;
import org.openkiosk.app.store.journal.JournalRecord;
import org.openkiosk.app.store.journal.RecordKind;
import org.openkiosk.app.store.journal.TargetDeliveries;
import org.openkiosk.app.store.journal.TargetRejectedException;
import picocli.CommandLine;

/**
 * Ratings operations (ADR 0177) against a local HTTP server playing the evaluation platform by its contract
 * (docs/ratings-http-api.md): {@code kiosk doctor} probes it and counts the ratings waiting and set aside;
 * {@code kiosk ratings rejected} lists those the platform refused; {@code kiosk ratings resend} sends them again
 * after the fix, each with its own idempotency key, and each is taken exactly once.
 */
class RatingsOperationsTest {

    static final String TOKEN = "s3cret-token";

    @TempDir
    Path tmp;

    HttpServer platform;
    final List<String> received = new CopyOnWriteArrayList<>(); // Idempotency-Key of every POST
    final Set<String> taken = java.util.concurrent.ConcurrentHashMap.newKeySet();
    final AtomicBoolean refuses = new AtomicBoolean(true); // the cause: the platform refuses with 422
    Path data;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void startPlatform() throws Exception {
        platform = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        platform.createContext("/kiosk/v1/health", exchange -> {
            boolean ok = ("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(ok ? 200 : 401, -1);
            exchange.close();
        });
        platform.createContext("/kiosk/v1/ratings", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            received.add(key);
            int status = refuses.get() ? 422 : taken.add(key) ? 201 : 409;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        platform.start();
        data = Files.createDirectories(tmp.resolve("data"));
    }

    @AfterEach
    void stopPlatform() {
        platform.stop(0);
    }

    /** The repository configuration as a hall kiosk of a test installation with a ratings target. */
    Path config(boolean withToken) throws Exception {
        Path config = RuntimeFixtures.copyOfRepositoryConfig(tmp.resolve(withToken ? "config-token" : "config"));
        Path yaml = config.resolve("kiosk.yaml");
        String text = Files.readString(yaml, StandardCharsets.UTF_8)
                .replaceFirst("kiosk:\n", "kiosk:\n  testInstallation: true\n")
                .replaceFirst("(?m)^  type: embedded.*$", "  type: postgresql\n"
                        + "  url: jdbc:postgresql://127.0.0.1:9/kiosk?sslmode=disable\n  user: kiosk\n  password: x");
        text += "\nratingsTarget:\n  baseUrl: http://127.0.0.1:" + platform.getAddress().getPort() + "/kiosk\n"
                + (withToken ? "  tokenEnvironment: KIOSK_RATINGS_TOKEN\n" : "");
        Files.writeString(yaml, text, StandardCharsets.UTF_8);
        return config;
    }

    /** Three ratings in the journal; the platform refuses the first two (what the shipper's lane does with a 422). */
    void twoRatingsRefused(Path config) throws Exception {
        try (Store journal = Stores.open(new StoreConfig(Stores.EMBEDDED,
                data.resolve(JournalForwarding.JOURNAL_FILE).toString(), null, null), data)) {
            AuditLog audit = new AuditLog(journal, Clock.systemUTC(), "K-0101", AuditKey.ephemeral(), Optional.empty());
            RatingService ratings = new RatingService(journal, audit, Clock.systemUTC(), "K-0101");
            ratings.writeInto(new Journal(journal, Clock.systemUTC(), "K-0101"), audit);
            for (int i = 0; i < 3; i++) {
                ratings.rate("exit-entry", SatisfactionLevel.SATISFIED, Optional.empty());
            }
            KioskConfig kiosk = ConfigLoader.parse(ConfigLoader.KIOSK_FILE, Files.readString(config.resolve(
                    ConfigLoader.KIOSK_FILE)), name -> "KIOSK_RATINGS_TOKEN".equals(name) ? TOKEN : null, config);
            HttpRatingsTarget target = HttpRatingsTarget.of(kiosk.ratingsTarget().orElseThrow(), "H-3101",
                    name -> null);
            TargetDeliveries deliveries = new TargetDeliveries(journal);
            for (JournalRecord r : deliveries.waiting(HttpRatingsTarget.NAME, Set.of(RecordKind.RATING), 2)) {
                try {
                    target.deliver(r);
                } catch (TargetRejectedException e) {
                    deliveries.settle(HttpRatingsTarget.NAME, r, TargetDeliveries.Outcome.REJECTED,
                            Clock.systemUTC().instant(), e.getMessage());
                }
            }
        }
        assertThat(received).hasSize(2);
    }

    int run(String... args) {
        CommandLine cl = KioskCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void doctorProbesThePlatformAndCountsWhatWaitsAndWhatWasSetAside() throws Exception {
        Path config = config(true);
        twoRatingsRefused(config);

        CheckResult ok = ratingsCheck(config, TOKEN);
        assertThat(ok.passed()).as(ok.detail()).isTrue();
        assertThat(ok.required()).isFalse();
        assertThat(ok.detail()).contains("reachable over plain HTTP (test installation), token accepted (HTTP 200)")
                .contains("1 rating waiting, 2 set aside as rejected").contains("kiosk ratings resend");

        CheckResult wrongToken = ratingsCheck(config, "old");
        assertThat(wrongToken.passed()).isFalse();
        assertThat(wrongToken.detail()).contains("HTTP 401").contains("the token was refused")
                .contains("ratingsTarget.tokenEnvironment");

        // kiosk doctor itself runs the check when a ratings target is configured (here without a token)
        CheckResult fromDoctor = new Doctor(System::getenv).run(config(false), data).stream()
                .filter(r -> r.label().equals("ratings target")).findFirst().orElseThrow();
        assertThat(fromDoctor.passed()).isFalse();
        assertThat(fromDoctor.detail()).contains("the token was missing").contains("2 set aside as rejected");

        platform.stop(0);
        CheckResult away = ratingsCheck(config, TOKEN);
        assertThat(away.passed()).isFalse();
        assertThat(away.detail()).contains("unreachable").contains("1 rating waiting, 2 set aside as rejected");
        assertThat(received).hasSize(2); // the doctor never sends a rating
    }

    /** The check with the token variable set to {@code token} (the doctor reads the kiosk's environment). */
    private CheckResult ratingsCheck(Path config, String token) throws Exception {
        java.util.function.UnaryOperator<String> environment = name -> name.equals("KIOSK_RATINGS_TOKEN") ? token
                : System.getenv(name);
        KioskConfig kiosk = ConfigLoader.parse(ConfigLoader.KIOSK_FILE, Files.readString(config.resolve(
                ConfigLoader.KIOSK_FILE)), environment, config);
        return RatingsTargetCheck.check(kiosk, kiosk.ratingsTarget().orElseThrow(), data, environment);
    }

    @Test
    void refusedRatingsAreListedAndSentAgainOnceEachWithTheirOwnKey() throws Exception {
        Path config = config(false);
        twoRatingsRefused(config);
        List<String> refusedKeys = List.copyOf(received);
        String[] common = {"--config", config.toString(), "--data", data.toString()};

        assertThat(run(concat("ratings", "rejected", common))).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains(refusedKeys.get(0)).contains(refusedKeys.get(1))
                .contains("HTTP 422").contains("2 ratings set aside as rejected");

        // the cause not fixed yet: refused again, still set aside
        out.getBuffer().setLength(0);
        assertThat(run(concat("ratings", "resend", "--all", common))).isEqualTo(ExitCodes.FAILURE);
        assertThat(out.toString()).contains("refused again, left set aside").contains("0 taken, 2 refused again");

        // fixed: each taken once, with the key it was refused under, oldest first
        refuses.set(false);
        received.clear();
        out.getBuffer().setLength(0);
        assertThat(run(concat("ratings", "resend", "--all", common))).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("2 taken, 0 refused again");
        assertThat(received).containsExactlyElementsOf(refusedKeys);
        assertThat(taken).containsExactlyInAnyOrderElementsOf(refusedKeys);

        // nothing set aside any more: a second resend sends nothing
        received.clear();
        out.getBuffer().setLength(0);
        assertThat(run(concat("ratings", "resend", "--all", common))).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("0 taken, 0 refused again (nothing set aside)");
        assertThat(received).isEmpty();
        out.getBuffer().setLength(0);
        assertThat(run(concat("ratings", "rejected", common))).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("0 ratings set aside as rejected");

        // delivered ones are never waiting again for the shipper's lane; the third still waits for it
        try (Store journal = Stores.open(new StoreConfig(Stores.EMBEDDED,
                data.resolve(JournalForwarding.JOURNAL_FILE).toString(), null, null), data)) {
            TargetDeliveries deliveries = new TargetDeliveries(journal);
            assertThat(deliveries.waitingCount(HttpRatingsTarget.NAME, Set.of(RecordKind.RATING))).isEqualTo(1);
            for (String key : refusedKeys) {
                assertThat(deliveries.outcome(HttpRatingsTarget.NAME, key))
                        .contains(TargetDeliveries.Outcome.DELIVERED);
            }
        }
        // a key that is not set aside is named, not sent
        err.getBuffer().setLength(0);
        assertThat(run(concat("ratings", "resend", refusedKeys.get(0), common))).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.toString()).contains(refusedKeys.get(0) + " is not set aside as rejected");
        assertThat(received).isEmpty();
    }

    private static String[] concat(String a, String b, String... rest) {
        String[] all = new String[rest.length + 2];
        all[0] = a;
        all[1] = b;
        System.arraycopy(rest, 0, all, 2, rest.length);
        return all;
    }

    private static String[] concat(String a, String b, String c, String... rest) {
        String[] all = new String[rest.length + 3];
        all[0] = a;
        all[1] = b;
        all[2] = c;
        System.arraycopy(rest, 0, all, 3, rest.length);
        return all;
    }
}
