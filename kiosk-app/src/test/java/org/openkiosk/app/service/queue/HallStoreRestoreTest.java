package org.openkiosk.app.service.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.fleet.RuntimeStatusSource;
import org.openkiosk.app.service.appointment.Booking;
import org.openkiosk.app.service.identity.CardType;
import org.openkiosk.app.service.identity.Identity;
import org.openkiosk.app.service.identity.IdentitySource;
import org.openkiosk.app.service.platform.DemoData;
import org.openkiosk.app.service.rating.SatisfactionLevel;
import org.openkiosk.app.service.support.HallKiosk;
import org.openkiosk.app.service.support.HallWithProxy;
import org.openkiosk.app.service.support.MutableClock;
import org.openkiosk.app.store.PostgresServer;
import org.openkiosk.app.store.StoreException;
import org.openkiosk.app.store.journal.JournalRecord;
import org.openkiosk.app.store.journal.RecordKind;
import org.openkiosk.app.store.journal.Shipper;
import org.openkiosk.testsupport.EmbeddedPostgresServer;
import org.openkiosk.testsupport.Poll;
import org.openkiosk.testsupport.RequiredTool;

/**
 * The hall store restored from a backup while its kiosks keep serving (ADR 0198), with real processes: two kiosks on
 * an embedded PostgreSQL, each behind a proxy the test cuts; the backup is a real {@code pg_dump -Fc} of the hall's
 * database, the restore a real {@code DROP DATABASE} and {@code pg_restore} of it. Between the backup and the crash the
 * kiosks issued tickets, checked appointments in, used walk-in numbers offline and reserved a new block; the restored
 * hall store has forgotten all of it, and its queue counter is back where the backup left it. The kiosks then serve on
 * with nobody running {@code ./kiosk store reforward}.
 */
class HallStoreRestoreTest {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String SERVICE = "exit-entry";
    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Shipper.Settings FAST = new Shipper.Settings(10, Duration.ofMillis(20), Duration.ofMillis(300));

    @TempDir
    Path tempDir;

    private final MutableClock clock = new MutableClock(ZonedDateTime.of(2026, 11, 23, 9, 0, 0, 0, ZONE).toInstant());
    @RegisterExtension
    final HallWithProxy hall = new HallWithProxy(POSTGRES, clock, 2); // K-01 behind proxy 0, K-02 behind proxy 1
    private HallKiosk a;
    private HallKiosk b;
    private final List<Booking> bookings = new ArrayList<>();
    /** Every ticket number a citizen was handed, in order. */
    private final List<String> handedOut = new ArrayList<>();

    /** K-01 and K-02, each behind its proxy, with walk-in blocks of 5; four appointments booked on Monday. */
    private void twoKiosks(Shipper.Settings settingsOfK01) {
        a = open(HallKiosk.open(hall.throughProxy(hall.proxy(0)), tempDir, "K-01", clock, 5,
                settingsOfK01, UnaryOperator.identity()));
        b = open(HallKiosk.open(hall.throughProxy(hall.proxy(1)), tempDir, "K-02", clock, 5, FAST,
                UnaryOperator.identity()));
        for (int n = 1; n <= 4; n++) {
            bookings.add(book(b, n));
        }
        clock.set(ZonedDateTime.of(TUESDAY, LocalTime.of(9, 45), ZONE).toInstant());
        a.services().queue().reserveOfflineNumbers(); // A001–A005
        b.services().queue().reserveOfflineNumbers(); // A006–A010
    }

    @Test
    void kioskServingOnAfterARestoreNeverHandOutANumberTwiceAndTheHallGetsEverythingBackOnce() throws Exception {
        twoKiosks(FAST); // the shippers look at the hall store once a minute: the kiosks catch up before numbering
        Path backup = beforeAndAfterTheBackup();

        restoreTheHallFrom(backup, a, b);
        assertThat(column("SELECT last_value FROM number_sequence WHERE name LIKE '%:" + TUESDAY + ":" + SERVICE + "'"))
                .containsExactly("13"); // the restored counter: behind A014–A022, which the kiosks handed out
        assertThat(column("SELECT COUNT(*) FROM queue_ticket")).containsExactly("3");

        // the kiosks serve on: each sends what the restored hall lacks of it before it takes a number of the counter
        walkIn(a);
        walkIn(b);
        checkIn(a, bookings.get(3));
        hall.proxy(0).cut(); // K-01 is cut off again: walk-ins from its blocks, the one reserved after the backup too
        for (int i = 0; i < 5; i++) {
            walkIn(a);
            walkIn(b);
        }
        hall.proxy(0).restore();
        a.shipper().wake();
        awaitForwarded(a);
        awaitForwarded(b);
        walkIn(a);
        walkIn(b);
        awaitForwarded(a);
        awaitForwarded(b);

        assertThat(handedOut).doesNotHaveDuplicates();
        assertThat(column("SELECT ticket_no FROM queue_ticket")).containsExactlyInAnyOrderElementsOf(handedOut);
        assertThat(column("SELECT reason FROM hall_record_declined")).isEmpty();
        assertHallHoldsEveryJournalRecordOnce();
        assertThat(column("SELECT COUNT(*) FROM queue_ticket WHERE booking_id IS NOT NULL")).containsExactly("4");
        assertThat(column("SELECT COUNT(*) FROM booking WHERE status = 'CHECKED_IN'")).containsExactly("4");
        assertThat(column("SELECT level FROM rating")).containsExactly("4"); // the rating after the backup, once
        long highest = handedOut.stream().mapToLong(t -> Long.parseLong(t.substring(1))).max().orElseThrow();
        assertThat(Long.parseLong(column("SELECT last_value FROM number_sequence WHERE name LIKE '%:" + TUESDAY + ":"
                + SERVICE + "'").get(0))).isGreaterThanOrEqualTo(highest);
    }

    @Test
    void aNumberTheRestoredHallGaveAgainBeforeItsRecordCameBackIsDeclinedWithoutStoppingTheBatch() throws Exception {
        // K-01's shipper looks at the hall store often: it finds the restore by itself once its network is back
        twoKiosks(new Shipper.Settings(10, Duration.ofMillis(20), Duration.ofMillis(300), Duration.ofMillis(200)));
        Path backup = beforeAndAfterTheBackup();
        String k01Last = handedOut.get(handedOut.size() - 1); // K-01's online ticket after its outage (A017)

        restoreTheHallFrom(backup, b); // K-01 is still away when the hall store comes back
        // K-02 sends back its own records first (A014, A016) and takes the next number: K-01's A017, not known yet
        String again = walkIn(b);
        assertThat(again).isEqualTo(k01Last);

        hall.proxy(0).restore(); // K-01's shipper finds the hall store restored and sends its records again by itself
        Poll.until(PATIENCE, "K-01's shipper finds the restore", () -> a.shipper().status().reforwarded().isPresent());
        awaitForwarded(a);
        awaitForwarded(b);

        List<String> declined = column("SELECT d.reason FROM hall_record_declined d JOIN hall_record r"
                + " ON r.record_key = d.record_key WHERE r.kiosk_id = 'K-01'");
        assertThat(declined).singleElement().satisfies(reason -> assertThat(reason)
                .startsWith("ticket " + k01Last + " issued twice (record K-02:"));
        assertThat(a.shipper().status().numbersTwice()).containsExactly(k01Last);
        // K-01's citizen left with A017 long ago: the decline is noted, audited once and alarmed (ADR 0202)
        Poll.until(PATIENCE, "K-01 audits the declined walk-in", () -> ticketDeclinedAudits(a) == 1);
        assertThat(a.journal().declinedSince(Instant.EPOCH)).singleElement().satisfies(d -> {
            assertThat(d.record().kind()).isEqualTo(RecordKind.WALK_IN_TICKET);
            assertThat(d.record().field("ticket")).isEqualTo(k01Last);
            assertThat(d.audited()).isTrue();
            assertThat(d.said()).isFalse();
        });
        clock.set(clock.instant().plus(Duration.ofMinutes(1)));
        assertThat(RuntimeStatusSource.walkInsDeclined("K-01", a.journal().declinedSince(midnight()), clock.instant()))
                .hasValueSatisfying(alarm -> {
                    assertThat(alarm.code()).isEqualTo("TICKET_DECLINED");
                    assertThat(alarm.text()).contains("ticket(s) " + k01Last + ";");
                });
        assertThat(ticketDeclinedAudits(b)).isZero();
        assertThat(a.shipper().status().reforwarded()).isPresent();
        assertThat(a.shipper().status().describeRestore(ZONE)).hasValueSatisfying(text -> assertThat(text)
                .contains("(restored from a backup?) and took them again")
                .endsWith("ticket numbers issued twice: " + k01Last));
        assertThat(b.shipper().status().reforwarded()).isPresent();
        assertHallHoldsEveryJournalRecordOnce(); // nothing stuck: every record after the declined one was taken
        List<String> inQueue = column("SELECT ticket_no FROM queue_ticket");
        assertThat(inQueue).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(handedOut.stream().distinct().toList());
        assertThat(column("SELECT COUNT(*) FROM booking WHERE status = 'CHECKED_IN'")).containsExactly("3");

        // both kiosks are back: the next numbers are past everything either handed out
        String next = walkIn(a);
        String after = walkIn(b);
        assertThat(List.of(next, after)).doesNotContainAnyElementsOf(inQueue);
        awaitForwarded(a);
        awaitForwarded(b);
        assertThat(column("SELECT COUNT(*) FROM hall_record_declined")).containsExactly("1");

        a = open(a.restart()); // the audit entry is not written a second time after a restart
        Poll.until(PATIENCE, "K-01 restarted reaches the hall store", () -> a.shipper().status().reachable());
        assertThat(ticketDeclinedAudits(a)).isEqualTo(1);
        assertThat(a.journal().declinedNotAudited()).isEmpty();
    }

    @Test
    void aWalkInRenumberedWhileTheCitizenIsAtTheKioskIsAuditedOnceAndNotAlarmed() {
        twoKiosks(FAST);
        String first = walkIn(b); // A011
        String held = String.format("A%03d", Long.parseLong(first.substring(1)) + 1);
        holdWithoutRecord(first, held); // the hall's counter is behind a ticket it holds (as after a restore)

        String given = walkIn(a);

        assertThat(given).isNotEqualTo(held); // the citizen was given a new number, the hall took it
        assertThat(column("SELECT ticket_no FROM queue_ticket WHERE kiosk_id = 'K-01'")).containsExactly(given);
        assertThat(ticketDeclinedAudits(a)).isEqualTo(1);
        assertThat(a.journal().declinedSince(Instant.EPOCH)).singleElement().satisfies(d -> {
            assertThat(d.record().field("ticket")).isEqualTo(held);
            assertThat(d.audited()).isTrue();
            assertThat(d.said()).isTrue();
        });
        clock.set(clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(RuntimeStatusSource.walkInsDeclined("K-01", a.journal().declinedSince(midnight()),
                clock.instant())).isEmpty(); // no false alarm
        a = open(a.restart());
        assertThat(ticketDeclinedAudits(a)).isEqualTo(1);
    }

    @Test
    void aCheckInWhoseNumberIsHeldTwiceSaysTheHallIsSettlingItsNumbersAndKeepsTheAppointment() {
        twoKiosks(FAST);
        String first = walkIn(b); // A011
        long next = Long.parseLong(first.substring(1)) + 1;
        for (long n = next; n < next + 2; n++) { // the counter is behind two tickets the hall holds (ADR 0198)
            holdWithoutRecord(first, String.format("A%03d", n));
        }

        assertThatThrownBy(() -> a.services().queue().checkIn(bookings.get(0).code()))
                .isInstanceOfSatisfying(CheckInException.class, e -> assertThat(e.reason())
                        .isEqualTo(CheckInException.Reason.NUMBERS_SETTLING));

        assertThat(column("SELECT status FROM booking WHERE code = '" + bookings.get(0).code() + "'"))
                .containsExactly("BOOKED"); // kept: the citizen may try again
        assertThat(HallKiosk.column(a.journal().store(), "SELECT COUNT(*) FROM audit_log"
                + " WHERE action = 'CHECK_IN_DECLINED'")).containsExactly("2");
        assertThat(a.journal().declinedSince(Instant.EPOCH)).hasSize(2).allSatisfy(d -> assertThat(d.said()).isTrue());
        assertThat(checkIn(a, bookings.get(0))).isEqualTo(String.format("A%03d", next + 2)); // past both
    }

    /** A ticket of the day's queue with number {@code ticketNo}, like {@code like}'s, written without a record. */
    private void holdWithoutRecord(String like, String ticketNo) {
        hall.store().inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("INSERT INTO queue_ticket (hall_id, ticket_date, counter_type, ticket_no,"
                        + " priority, service_code, issued_at, kiosk_id, status) SELECT hall_id, ticket_date,"
                        + " counter_type, '" + ticketNo + "', priority, service_code, issued_at, 'K-09', status"
                        + " FROM queue_ticket WHERE ticket_no = '" + like + "'");
            }
        });
    }

    private static long ticketDeclinedAudits(HallKiosk kiosk) {
        return Long.parseLong(HallKiosk.column(kiosk.journal().store(),
                "SELECT COUNT(*) FROM audit_log WHERE action = 'TICKET_DECLINED'").get(0));
    }

    private static Instant midnight() {
        return TUESDAY.atStartOfDay(ZONE).toInstant();
    }

    // ---------------------------------------------------------------- the hall's day and its backup

    /**
     * Before the backup: three tickets (A011–A013). After it: K-02's walk-in A014, check-ins A015 (K-01) and A016
     * (K-02), three walk-ins from K-01's block (A001–A003) while it is cut off, then K-01 online again: A017, which
     * reserves its next block (A018–A022), and a rating. Returns the backup.
     */
    private Path beforeAndAfterTheBackup() throws Exception {
        walkIn(a);
        walkIn(b);
        checkIn(a, bookings.get(0));
        awaitForwarded(a);
        awaitForwarded(b);
        Path backup = pgDump();

        walkIn(b);
        checkIn(a, bookings.get(1));
        checkIn(b, bookings.get(2));
        hall.proxy(0).cut();
        for (int i = 0; i < 3; i++) {
            assertThat(walkIn(a)).isEqualTo(String.format("A%03d", i + 1));
        }
        hall.proxy(0).restore();
        a.shipper().wake();
        awaitForwarded(a);
        assertThat(walkIn(a)).isEqualTo("A017");
        assertThat(HallKiosk.column(a.journal().store(), "SELECT SUM(last_no - next_no + 1) FROM ticket_range"
                + " WHERE sequence_name LIKE '%:" + TUESDAY + ":" + SERVICE + "'"))
                .containsExactly("7"); // A004, A005 and the new block A018–A022
        a.services().ratings().rate(SERVICE, SatisfactionLevel.SATISFIED, Optional.empty());
        awaitForwarded(a);
        awaitForwarded(b);
        assertThat(handedOut).containsExactly("A011", "A012", "A013", "A014", "A015", "A016", "A001", "A002",
                "A003", "A017");
        return backup;
    }

    /** {@code pg_dump -Fc} of the hall's database, as the nightly backup of docs/hall-store.md. */
    private Path pgDump() throws Exception {
        Path dump = tempDir.resolve("hall.dump");
        run(RequiredTool.command("pg_dump", "postgresql-client").toString(), "-Fc", "-f", dump.toString(),
                "--dbname=" + libpq());
        return dump;
    }

    /**
     * The hall's server goes down and comes back with the database restored from {@code dump}: both kiosks' network is
     * cut meanwhile; the database is dropped (its connections forced closed) and created again, and {@code
     * pg_restore} fills it. {@code back}: the kiosks whose network comes back with it.
     */
    private void restoreTheHallFrom(Path dump, HallKiosk... back) throws Exception {
        String pgRestore = RequiredTool.command("pg_restore", "postgresql-client").toString();
        hall.proxy(0).cut();
        hall.proxy(1).cut();
        hall.closeStore();
        try (Connection c = DriverManager.getConnection(POSTGRES.server().jdbcUrl("postgres"));
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE " + database() + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database());
        }
        run(pgRestore, "--exit-on-error", "--dbname=" + libpq(), dump.toString());
        hall.reopen();
        for (HallKiosk kiosk : back) {
            hall.proxy(kiosk == a ? 0 : 1).restore();
            // its pool drops the dead connections; its shipper, if it noticed the outage, sees the hall store again
            Poll.until(PATIENCE, kiosk.journal().kioskId() + " reaches the hall store again", () -> answers(kiosk));
            kiosk.shipper().wake();
            Poll.until(PATIENCE, kiosk.journal().kioskId() + "'s shipper reaches the hall store again",
                    () -> kiosk.shipper().status().reachable());
        }
    }

    private static boolean answers(HallKiosk kiosk) {
        try {
            return !HallKiosk.column(kiosk.hall(), "SELECT 1").isEmpty();
        } catch (StoreException e) {
            return false;
        }
    }

    private String database() {
        return hall.url().substring(hall.url().lastIndexOf('/') + 1, hall.url().indexOf('?'));
    }

    private String libpq() {
        return "host=localhost port=" + POSTGRES.server().port() + " user=" + EmbeddedPostgresServer.user()
                + " dbname=" + database();
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean ended = process.waitFor(120, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended && process.exitValue() == 0).as(String.join(" ", command) + ": " + output).isTrue();
    }

    // ---------------------------------------------------------------- fixtures

    private String walkIn(HallKiosk kiosk) {
        String ticket = kiosk.services().queue().walkIn(SERVICE).ticket().ticketNo();
        handedOut.add(ticket);
        return ticket;
    }

    private String checkIn(HallKiosk kiosk, Booking booking) {
        QueueTicket ticket = kiosk.services().queue().checkIn(booking.code()).ticket();
        assertThat(ticket.checkInUnconfirmed()).as("check-in of " + booking.code() + " confirmed").isFalse();
        handedOut.add(ticket.ticketNo());
        return ticket.ticketNo();
    }

    /** A booking on Tuesday at 10:00 of test person {@code n}, made on Monday. */
    private Booking book(HallKiosk kiosk, int n) {
        Identity who = new Identity(DemoData.withCheck(String.format("11010519900101%03d", 20 + n)),
                Optional.of("测试" + n), IdentitySource.CARD, Optional.of(CardType.RESIDENT_ID), Optional.empty());
        return kiosk.services().appointments().book(who, SERVICE, DemoData.DEMO_HALL, TUESDAY, LocalTime.of(10, 0))
                .booking();
    }

    private static void awaitForwarded(HallKiosk kiosk) {
        Poll.until(PATIENCE, kiosk.journal().kioskId() + "'s journal forwarded",
                () -> kiosk.shipper().status().reachable() && kiosk.shipper().status().waiting() == 0);
    }

    /** The hall has a receipt of every journal record of both kiosks, and of nothing else; each key once (PK). */
    private void assertHallHoldsEveryJournalRecordOnce() {
        List<String> keys = new ArrayList<>();
        for (HallKiosk kiosk : List.of(a, b)) {
            kiosk.journal().all().stream().map(JournalRecord::key).forEach(keys::add);
        }
        assertThat(column("SELECT record_key FROM hall_record")).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(column("SELECT record_key FROM queue_ticket WHERE record_key IS NOT NULL")).doesNotHaveDuplicates();
        assertThat(column("SELECT ticket_no FROM queue_ticket")).doesNotHaveDuplicates();
    }

    private List<String> column(String sql) {
        return HallKiosk.column(hall.store(), sql);
    }

    private <T extends AutoCloseable> T open(T resource) {
        return hall.open(resource);
    }
}
