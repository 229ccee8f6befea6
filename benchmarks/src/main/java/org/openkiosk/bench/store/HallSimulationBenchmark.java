package org.openkiosk.bench.store;

import ch.qos.logback.classic.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.openkiosk.app.config.StoreConfig;
import org.openkiosk.app.service.appointment.AppointmentSlip;
import org.openkiosk.app.service.appointment.BookingRepository;
import org.openkiosk.app.service.audit.AuditKey;
import org.openkiosk.app.service.audit.AuditLog;
import org.openkiosk.app.service.catalogue.CatalogueLoader;
import org.openkiosk.app.service.catalogue.ServiceCatalogue;
import org.openkiosk.app.service.platform.DemoData;
import org.openkiosk.app.service.platform.EmbeddedServicePlatform;
import org.openkiosk.app.service.port.PrintOutcome;
import org.openkiosk.app.service.port.ReceiptPort;
import org.openkiosk.app.service.queue.OfflineTickets;
import org.openkiosk.app.service.queue.QueueService;
import org.openkiosk.app.service.queue.QueueTicket;
import org.openkiosk.app.service.rating.RatingService;
import org.openkiosk.app.service.rating.SatisfactionLevel;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.Stores;
import org.openkiosk.app.store.journal.HallInbox;
import org.openkiosk.app.store.journal.Journal;
import org.openkiosk.app.store.journal.JournalRecord;
import org.openkiosk.app.store.journal.Shipper;
import org.openkiosk.testsupport.EmbeddedPostgresServer;
import org.openkiosk.testsupport.TcpProxy;
import org.slf4j.LoggerFactory;

/**
 * A hall of 3 and of 10 kiosks (runtimes in one JVM, each with its own journal, shipper and connection pool) on one
 * PostgreSQL reached through a proxy, citizens arriving at a peak-hour rate (a walk-in ticket or a rating each), and
 * an outage in the middle third of the run (the proxy cut), compressed in time. Reports decisions per second,
 * catch-up time from the end of the outage until every journal is forwarded, journal size, and checks that the hall
 * store holds every journal record once and no ticket number twice.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -cp 'benchmarks/target/classes:benchmarks/target/lib/*' org.openkiosk.bench.store.HallSimulationBenchmark [seconds] [citizens/s per kiosk]
 * </pre>
 */
public final class HallSimulationBenchmark {

    private static final String SERVICE = "exit-entry";

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.ERROR);
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int ratePerKiosk = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        System.out.printf("hall simulation: %d s per run, outage in the middle third, %d citizens/s per kiosk, JDK %s,"
                + " %d CPUs%n", seconds, ratePerKiosk, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        System.out.println("kiosks  decisions  refused  decisions/s  offline-decisions  catch-up-s  journal-KiB"
                + "  lost  doubled  duplicate-numbers");
        try (EmbeddedPostgresServer postgres = new EmbeddedPostgresServer()) {
            postgres.start();
            for (int kiosks : new int[] {3, 10}) {
                run(postgres, kiosks, seconds, ratePerKiosk);
            }
        }
    }

    private static void run(EmbeddedPostgresServer postgres, int kioskCount, int seconds, int rate) throws Exception {
        Path work = Files.createTempDirectory("hall-sim");
        // the embedded server has no TLS; a kiosk insists on verify-full by default (a real hall gives it a certificate)
        String created = postgres.newDatabase();
        String url = created + (created.contains("?") ? "&" : "?") + "sslmode=disable";
        Clock clock = Clock.systemUTC();
        ServiceCatalogue catalogue = new CatalogueLoader().loadDefault();
        List<AutoCloseable> opened = new ArrayList<>();
        try (Store direct = Stores.open(new StoreConfig(Stores.POSTGRESQL, url, "postgres", ""), work);
             TcpProxy proxy = TcpProxy.to("127.0.0.1", postgres.port())) {
            DemoData.seed(direct, clock);
            List<Kiosk> kiosks = new ArrayList<>();
            for (int k = 1; k <= kioskCount; k++) {
                kiosks.add(Kiosk.open(work, EmbeddedPostgresServer.throughPort(url, proxy.port()), clock, catalogue,
                        "K-" + k, opened));
            }
            AtomicLong decisions = new AtomicLong();
            AtomicLong refused = new AtomicLong();
            AtomicLong offline = new AtomicLong();
            long start = System.nanoTime();
            long end = start + Duration.ofSeconds(seconds).toNanos();
            long cutAt = start + Duration.ofSeconds(seconds).toNanos() / 3;
            long restoreAt = start + 2 * Duration.ofSeconds(seconds).toNanos() / 3;
            List<Thread> citizens = new ArrayList<>();
            for (Kiosk kiosk : kiosks) {
                Thread t = new Thread(() -> kiosk.serve(end, rate, decisions, refused, offline), kiosk.id);
                t.start();
                citizens.add(t);
            }
            sleepUntil(cutAt);
            proxy.cut();
            sleepUntil(restoreAt);
            proxy.restore();
            long restored = System.nanoTime();
            // catch-up: from the end of the outage until every kiosk is back online with an empty backlog (while
            // citizens keep arriving)
            while (kiosks.stream().anyMatch(k -> !k.shipper.hallReachable() || k.shipper.status().waiting() > 5)) {
                Thread.sleep(20);
            }
            double catchUp = (System.nanoTime() - restored) / 1e9;
            for (Thread t : citizens) {
                t.join();
            }
            kiosks.forEach(k -> k.shipper.wake());
            while (kiosks.stream().anyMatch(k -> k.shipper.status().waiting() != 0)) {
                Thread.sleep(20);
            }
            double elapsed = (Math.max(end, System.nanoTime()) - start) / 1e9;

            Set<String> journalKeys = new HashSet<>();
            for (Kiosk k : kiosks) {
                k.journal.all().stream().map(JournalRecord::key).forEach(journalKeys::add);
            }
            List<String> received = column(direct, "SELECT record_key FROM hall_record");
            Set<String> receivedSet = new HashSet<>(received);
            long lost = journalKeys.stream().filter(key -> !receivedSet.contains(key)).count();
            long doubled = received.size() - receivedSet.size();
            List<String> numbers = column(direct, "SELECT hall_id || ticket_date || ticket_no FROM queue_ticket");
            long duplicateNumbers = numbers.size() - new HashSet<>(numbers).size();
            long journalBytes;
            try (Stream<Path> files = Files.list(work)) {
                journalBytes = files.filter(p -> p.getFileName().toString().startsWith("journal-"))
                        .mapToLong(p -> p.toFile().length()).sum();
            }
            System.out.printf("%6d  %9d  %7d  %11.1f  %17d  %10.2f  %11d  %4d  %7d  %17d%n", kioskCount,
                    decisions.get(), refused.get(), decisions.get() / elapsed, offline.get(), catchUp,
                    journalBytes / 1024, lost, doubled, duplicateNumbers);
        } finally {
            for (int i = opened.size() - 1; i >= 0; i--) {
                opened.get(i).close();
            }
        }
    }

    /** One kiosk: its journal, its shipper, its queue and rating services on the proxied hall store. */
    private static final class Kiosk {
        final String id;
        final Journal journal;
        final Shipper shipper;
        final QueueService queue;
        final RatingService ratings;

        private Kiosk(String id, Journal journal, Shipper shipper, QueueService queue, RatingService ratings) {
            this.id = id;
            this.journal = journal;
            this.shipper = shipper;
            this.queue = queue;
            this.ratings = ratings;
        }

        static Kiosk open(Path work, String hallUrl, Clock clock, ServiceCatalogue catalogue, String id,
                          List<AutoCloseable> opened) {
            Store hall = Stores.open(new StoreConfig(Stores.POSTGRESQL, hallUrl, "postgres", ""), work);
            opened.add(hall);
            Store local = Stores.open(new StoreConfig(Stores.EMBEDDED, work.resolve("journal-" + id).toString(), null,
                    null), work);
            opened.add(local);
            Journal journal = new Journal(local, clock, id);
            Shipper shipper = new Shipper(journal, HallInbox.standard(hall, clock, DemoData.DEMO_HALL), clock,
                    new Shipper.Settings(100, Duration.ofMillis(100), Duration.ofSeconds(1))).start();
            opened.add(shipper);
            AuditLog audit = new AuditLog(hall, clock, id);
            QueueService queue = new QueueService(hall, new BookingRepository(hall), catalogue,
                    new EmbeddedServicePlatform(hall), NO_RECEIPTS, audit, clock, id, DemoData.DEMO_HALL);
            AuditLog journalAudit = new AuditLog(local, clock, id, AuditKey.ephemeral(), Optional.empty());
            queue.issueOfflineFrom(new OfflineTickets(hall, journal, 2000, shipper::hallReachable,
                    shipper::forwardNow), journalAudit);
            queue.reserveOfflineNumbers();
            RatingService ratings = new RatingService(hall, audit, clock, id);
            ratings.writeInto(journal, journalAudit);
            return new Kiosk(id, journal, shipper, queue, ratings);
        }

        void serve(long end, int rate, AtomicLong decisions, AtomicLong refused, AtomicLong offline) {
            long interval = 1_000_000_000L / rate;
            long next = System.nanoTime();
            for (int i = 0; System.nanoTime() < end; i++) {
                try {
                    if (i % 2 == 0) {
                        QueueTicket ticket = queue.walkIn(SERVICE).ticket();
                        if (!ticket.queueKnown()) {
                            offline.incrementAndGet();
                        }
                    } else {
                        ratings.rate(SERVICE, SatisfactionLevel.SATISFIED, Optional.empty());
                    }
                    decisions.incrementAndGet();
                } catch (RuntimeException e) {
                    refused.incrementAndGet();
                }
                next += interval;
                sleepUntil(next);
            }
        }
    }

    private static List<String> column(Store store, String sql) {
        return store.inTransaction(c -> {
            List<String> values = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        });
    }

    private static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final ReceiptPort NO_RECEIPTS = new ReceiptPort() {
        @Override
        public PrintOutcome printSlip(AppointmentSlip slip) {
            return PrintOutcome.success();
        }

        @Override
        public PrintOutcome printTicket(QueueTicket ticket) {
            return PrintOutcome.success();
        }
    };
}
