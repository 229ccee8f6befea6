package org.openkiosk.bench.store;

import ch.qos.logback.classic.Level;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openkiosk.app.config.StoreConfig;
import org.openkiosk.app.service.appointment.AppointmentException;
import org.openkiosk.app.service.appointment.AppointmentService;
import org.openkiosk.app.service.appointment.AppointmentSlip;
import org.openkiosk.app.service.appointment.BookingRepository;
import org.openkiosk.app.service.audit.AuditLog;
import org.openkiosk.app.service.catalogue.AppointmentRules;
import org.openkiosk.app.service.catalogue.CheckInWindow;
import org.openkiosk.app.service.catalogue.ServiceCatalogue;
import org.openkiosk.app.service.catalogue.ServiceDefinition;
import org.openkiosk.app.service.catalogue.WorkingPlan;
import org.openkiosk.app.service.identity.Identity;
import org.openkiosk.app.service.identity.IdentitySource;
import org.openkiosk.app.service.platform.DemoData;
import org.openkiosk.app.service.platform.EmbeddedServicePlatform;
import org.openkiosk.app.service.port.PrintOutcome;
import org.openkiosk.app.service.port.ReceiptPort;
import org.openkiosk.app.service.queue.QueueTicket;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.Stores;
import org.slf4j.LoggerFactory;

/**
 * Bookings per second through {@link AppointmentService#book} with 1, 8 and 32 concurrent bookers, on the
 * embedded H2 store and on a real PostgreSQL server. More attempts than seats, concentrated on a few slots,
 * so the "last seat" path is exercised; afterwards it counts double bookings (seats taken beyond capacity),
 * which must be 0.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -cp 'benchmarks/target/classes:benchmarks/target/lib/*' org.openkiosk.bench.store.BookingThroughputBenchmark [attempts]
 * </pre>
 */
public final class BookingThroughputBenchmark {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 24);
    static final int SLOTS_PER_DAY = 20;     // 08:00–18:00, 30 min
    static final int DAYS = 4;
    static final int CAPACITY = 20;          // 4 days × 20 slots × 20 = 1600 seats
    static final String SERVICE = "bench";

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        int attempts = args.length > 0 ? Integer.parseInt(args[0]) : 2400;
        Path work = Files.createTempDirectory("booking-bench");
        System.out.printf("booking benchmark: %d attempts per run for %d seats (%d slots × %d), JDK %s, %d CPUs%n",
                attempts, SLOTS_PER_DAY * DAYS * CAPACITY, SLOTS_PER_DAY * DAYS, CAPACITY,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.out.println("store       bookers  attempts  booked  full  other-errors  seconds  bookings/s  double-bookings");
        int run = 0;
        for (int bookers : new int[] {1, 8, 32}) {
            run++;
            StoreConfig h2 = new StoreConfig(Stores.EMBEDDED, work.resolve("h2-" + run).toString(), null, null);
            measure("h2", h2, work, bookers, attempts);
        }
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("max_connections", "100").start()) {
            for (int bookers : new int[] {1, 8, 32}) {
                String db = "bench_" + bookers;
                try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + db);
                }
                measure("postgresql", new StoreConfig(Stores.POSTGRESQL, withoutTls(pg.getJdbcUrl("postgres", db)), "postgres", ""),
                        work, bookers, attempts);
            }
        }
    }

    /** The benchmark's local server speaks no TLS; the kiosk's default would be sslmode=verify-full. */
    private static String withoutTls(String url) {
        return url + (url.contains("?") ? "&" : "?") + "sslmode=disable";
    }

    static void measure(String name, StoreConfig config, Path work, int bookers, int attempts) throws Exception {
        Clock clock = Clock.fixed(ZonedDateTime.of(2026, 11, 23, 8, 0, 0, 0, ZONE).toInstant(), ZONE);
        try (Store store = Stores.open(config, work)) {
            DemoData.seed(store, clock);
            AppointmentService service = new AppointmentService(store, new BookingRepository(store), catalogue(),
                    new EmbeddedServicePlatform(store), NO_RECEIPTS, new AuditLog(store, clock, "K-BENCH"), clock,
                    "K-BENCH");
            run(service, bookers, attempts / 10, 1_000_000); // warm-up on separate people and the same slots
            execute(store, "DELETE FROM booking");
            execute(store, "UPDATE slot SET booked = 0");
            AtomicInteger booked = new AtomicInteger();
            AtomicInteger full = new AtomicInteger();
            AtomicInteger other = new AtomicInteger();
            long start = System.nanoTime();
            List<Object> outcomes = run(service, bookers, attempts, 0);
            double seconds = (System.nanoTime() - start) / 1e9;
            for (Object o : outcomes) {
                if (o instanceof AppointmentException e && e.reason() == AppointmentException.Reason.SLOT_FULL) {
                    full.incrementAndGet();
                } else if (o instanceof Throwable) {
                    other.incrementAndGet();
                } else {
                    booked.incrementAndGet();
                }
            }
            long doubles = doubleBookings(store);
            System.out.printf("%-11s %7d  %8d  %6d  %4d  %12d  %7.2f  %10.0f  %15d%n", name, bookers, attempts,
                    booked.get(), full.get(), other.get(), seconds, booked.get() / seconds, doubles);
        }
    }

    /** Seats held beyond capacity, counted from the bookings themselves (not from the counter column). */
    static long doubleBookings(Store store) {
        return store.inTransaction(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT COALESCE(SUM(over), 0) FROM (SELECT GREATEST(COUNT(b.id) - MAX(s.capacity), 0) AS over"
                            + " FROM slot s JOIN booking b ON b.slot_id = s.id AND b.status = 'BOOKED'"
                            + " GROUP BY s.id) t")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    static List<Object> run(AppointmentService service, int bookers, int attempts, int personOffset) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(bookers);
        AtomicInteger next = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Object>>> futures = new ArrayList<>();
        for (int t = 0; t < bookers; t++) {
            futures.add(pool.submit(() -> {
                go.await();
                List<Object> mine = new ArrayList<>();
                for (int i = next.getAndIncrement(); i < attempts; i = next.getAndIncrement()) {
                    int slot = i % (SLOTS_PER_DAY * DAYS);
                    LocalDate day = FIRST_DAY.plusDays(slot / SLOTS_PER_DAY);
                    LocalTime start = LocalTime.of(8, 0).plusMinutes(30L * (slot % SLOTS_PER_DAY));
                    try {
                        mine.add(service.book(person(personOffset + i), SERVICE, DemoData.DEMO_HALL, day, start));
                    } catch (RuntimeException e) {
                        mine.add(e);
                    }
                }
                return mine;
            }));
        }
        go.countDown();
        List<Object> all = new ArrayList<>();
        for (Future<List<Object>> f : futures) {
            all.addAll(f.get(10, TimeUnit.MINUTES));
        }
        pool.shutdown();
        return all;
    }

    static Identity person(int n) {
        LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(n % 20_000);
        String seventeen = String.format("110105%s%03d", birth.toString().replace("-", ""), (n / 20_000) % 1000);
        return new Identity(DemoData.withCheck(seventeen), Optional.empty(), IdentitySource.CARD, Optional.empty(),
                Optional.empty());
    }

    static ServiceCatalogue catalogue() {
        AppointmentRules rules = new AppointmentRules(30, CAPACITY, 0, 0, 30,
                new WorkingPlan(EnumSet.allOf(DayOfWeek.class), List.of("08:00-18:00"), List.of()));
        return new ServiceCatalogue(ZONE, new CheckInWindow(30, 15),
                List.of(new ServiceDefinition(SERVICE, "基准", "Benchmark", "bench", "Z", 5, rules)), List.of(), null);
    }

    static void execute(Store store, String sql) {
        store.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate(sql);
            }
        });
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
