package org.openkiosk.app.service.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.service.appointment.Booking;
import org.openkiosk.app.service.identity.CardType;
import org.openkiosk.app.service.identity.Identity;
import org.openkiosk.app.service.identity.IdentitySource;
import org.openkiosk.app.service.platform.DemoData;
import org.openkiosk.app.service.support.HallKiosk;
import org.openkiosk.app.service.support.HallWithProxy;
import org.openkiosk.app.service.support.MutableClock;
import org.openkiosk.app.store.PostgresServer;
import org.openkiosk.app.store.journal.ForwardNow;
import org.openkiosk.app.store.journal.HallInbox;
import org.openkiosk.app.store.journal.Journal;
import org.openkiosk.app.store.journal.JournalRecord;
import org.openkiosk.app.store.journal.RecordKind;
import org.openkiosk.app.store.journal.Shipper;
import org.openkiosk.testsupport.Poll;

/**
 * Check-ins of a hall kiosk go through its journal (ADR 0173), with real processes: kiosks on one embedded
 * PostgreSQL, one of them behind a proxy the test cuts. The same slip at two kiosks at once, the network cut right
 * after the local commit, a kiosk restarted before its record was forwarded, duplicate sends: afterwards the hall
 * store holds each check-in and ticket once, one ticket per appointment, and no ticket number twice.
 */
class HallCheckInFaultTest {

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
    final HallWithProxy hall = new HallWithProxy(POSTGRES, clock);

    @Test
    void theSameSlipAtTwoKiosksAtOnceGivesOneTicketAndTheOtherKioskSaysSo() throws Exception {
        CyclicBarrier bothJournalled = new CyclicBarrier(2);
        UnaryOperator<ForwardNow> together = next -> (record, within) -> {
            try { // both kiosks have read "BOOKED" and journalled their check-in: now both forward
                bothJournalled.await(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return next.forwarded(record, within);
        };
        HallKiosk a = kiosk("K-01", hall.url(), together);
        HallKiosk b = kiosk("K-02", hall.url(), together);
        Booking booking = book(a, 1);
        clock.set(ZonedDateTime.of(TUESDAY, LocalTime.of(9, 45), ZONE).toInstant());

        // two threads of their own: on a two-core machine the common pool has one, and both kiosks wait at the barrier
        java.util.concurrent.ExecutorService twoKiosks = java.util.concurrent.Executors.newFixedThreadPool(2);
        open(twoKiosks::shutdownNow);
        CompletableFuture<Object> atA = CompletableFuture.supplyAsync(() -> outcome(a, booking.code()), twoKiosks);
        CompletableFuture<Object> atB = CompletableFuture.supplyAsync(() -> outcome(b, booking.code()), twoKiosks);
        List<Object> outcomes = List.of(atA.get(60, TimeUnit.SECONDS), atB.get(60, TimeUnit.SECONDS));

        assertThat(outcomes).filteredOn(TicketResult.class::isInstance).hasSize(1)
                .allSatisfy(o -> {
                    QueueTicket t = ((TicketResult) o).ticket();
                    assertThat(t.queueKnown()).isTrue();
                    assertThat(t.checkInUnconfirmed()).isFalse();
                    assertThat(t.priority()).isTrue();
                });
        assertThat(outcomes).filteredOn(CheckInException.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((CheckInException) e).reason())
                        .isEqualTo(CheckInException.Reason.CHECKED_IN_ELSEWHERE));
        assertThat(a.receipts().tickets.size() + b.receipts().tickets.size()).isEqualTo(1); // one paper
        assertThat(count("SELECT COUNT(*) FROM queue_ticket WHERE booking_id = " + booking.id())).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM hall_record WHERE kind = 'CHECK_IN'")).isEqualTo(2);
        assertThat(column("SELECT reason FROM hall_record_declined"))
                .containsExactly("booking CHECKED_IN");
        assertThat(count("SELECT COUNT(*) FROM journal_record", a) + count("SELECT COUNT(*) FROM journal_record", b))
                .isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'CHECK_IN_DECLINED'", a)
                + count("SELECT COUNT(*) FROM audit_log WHERE action = 'CHECK_IN_DECLINED'", b)).isEqualTo(1);
        // the citizen was told at the kiosk and nothing was printed: the decline is noted as said (no alarm, ADR 0199)
        List<Journal.Declined> declined = new ArrayList<>(a.journal().declinedSince(java.time.Instant.EPOCH));
        declined.addAll(b.journal().declinedSince(java.time.Instant.EPOCH));
        assertThat(declined).singleElement().satisfies(d -> {
            assertThat(d.said()).isTrue();
            assertThat(d.audited()).isTrue();
            assertThat(d.reason()).isEqualTo("booking CHECKED_IN");
        });
        assertHallHoldsEveryJournalRecordOnce(a, b);
    }

    @Test
    void theHallCutRightAfterTheLocalCommitLeavesAnUnconfirmedTicketThatArrivesOnce() {
        AtomicBoolean cutOnce = new AtomicBoolean();
        HallKiosk a = kiosk("K-01", viaProxy(), next -> (record, within) -> {
            if (cutOnce.compareAndSet(false, true)) {
                hall.proxy().cut(); // the check-in is on the journal's disk; the hall goes away before it is forwarded
            }
            return next.forwarded(record, within);
        });
        Booking booking = book(a, 2);
        clock.set(ZonedDateTime.of(TUESDAY, LocalTime.of(9, 45), ZONE).toInstant());

        TicketResult result = a.services().queue().checkIn(booking.code());
        QueueTicket ticket = result.ticket();
        assertThat(ticket.checkInUnconfirmed()).isTrue(); // never "checked in" before the hall took it
        assertThat(ticket.queueKnown()).isFalse();
        assertThat(result.print().printed()).isTrue();
        Poll.until(PATIENCE, "the shipper knows of the outage", () -> !a.shipper().status().reachable());
        assertThat(a.shipper().status().waiting()).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM queue_ticket")).isZero();
        assertThat(column("SELECT status FROM booking WHERE id = " + booking.id())).containsExactly("BOOKED");

        hall.proxy().restore();
        a.shipper().wake();
        awaitForwarded(a);
        assertThat(column("SELECT ticket_no FROM queue_ticket WHERE booking_id = " + booking.id()))
                .containsExactly(ticket.ticketNo());
        assertThat(column("SELECT status FROM booking WHERE id = " + booking.id())).containsExactly("CHECKED_IN");

        // a duplicate send (a retry whose first reply was lost) changes nothing, and the slip is now spent
        assertThat(HallInbox.standard(hall.store(), clock, DemoData.DEMO_HALL).accept(a.journal().all())).isZero();
        assertThat(count("SELECT COUNT(*) FROM queue_ticket")).isEqualTo(1);
        assertThatThrownBy(() -> a.services().queue().checkIn(booking.code()))
                .isInstanceOfSatisfying(CheckInException.class,
                        e -> assertThat(e.reason()).isEqualTo(CheckInException.Reason.ALREADY_CHECKED_IN));
        assertHallHoldsEveryJournalRecordOnce(a);
    }

    @Test
    void aKioskRestartedBeforeItsCheckInWasForwardedSendsItOnceAndTheHallSettlesARaceMeanwhile() {
        AtomicBoolean cutOnce = new AtomicBoolean();
        HallKiosk a = kiosk("K-01", viaProxy(), next -> (record, within) -> {
            if (cutOnce.compareAndSet(false, true)) {
                hall.proxy().cut();
            }
            return next.forwarded(record, within);
        });
        HallKiosk b = kiosk("K-02", hall.url(), UnaryOperator.identity());
        Booking raced = book(b, 3);
        Booking alone = book(b, 4);
        clock.set(ZonedDateTime.of(TUESDAY, LocalTime.of(9, 45), ZONE).toInstant());

        QueueTicket unconfirmed = a.services().queue().checkIn(raced.code()).ticket();
        assertThat(unconfirmed.checkInUnconfirmed()).isTrue();
        a.close(); // the kiosk restarts with its check-in on disk only
        // meanwhile the citizen, or whoever holds the slip, checks the same appointment in at another kiosk
        QueueTicket atB = b.services().queue().checkIn(raced.code()).ticket();
        assertThat(atB.queueKnown()).isTrue();

        hall.proxy().restore();
        HallKiosk restarted = open(a.restart());
        awaitForwarded(restarted);
        // the hall took both records once and applied one of them: one ticket for the appointment
        assertThat(column("SELECT ticket_no FROM queue_ticket WHERE booking_id = " + raced.id()))
                .containsExactly(atB.ticketNo());
        assertThat(column("SELECT d.reason FROM hall_record r JOIN hall_record_declined d"
                + " ON d.record_key = r.record_key WHERE r.kiosk_id = 'K-01'"))
                .containsExactly("booking CHECKED_IN");
        // and the restarted kiosk learned it from the hall's answer: audited once in its journal's chain (ADR 0199),
        // not said to anyone (the citizen left with the unconfirmed ticket), whether the shipper learned it before or
        // after the services were wired
        Poll.until(PATIENCE, "the decline audited at K-01",
                () -> count("SELECT COUNT(*) FROM audit_log WHERE action = 'CHECK_IN_DECLINED'", restarted) == 1);
        assertThat(restarted.journal().declinedSince(java.time.Instant.EPOCH)).singleElement().satisfies(d -> {
            assertThat(d.said()).isFalse();
            assertThat(d.record().field("ticket")).isEqualTo(unconfirmed.ticketNo());
        });

        // and after the restart the kiosk checks in as before
        QueueTicket later = restarted.services().queue().checkIn(alone.code()).ticket();
        assertThat(later.queueKnown()).isTrue();
        assertThat(later.checkInUnconfirmed()).isFalse();
        assertThat(column("SELECT ticket_no FROM queue_ticket WHERE booking_id = " + alone.id()))
                .containsExactly(later.ticketNo());
        assertHallHoldsEveryJournalRecordOnce(restarted, b);
        assertThat(column("SELECT ticket_no FROM queue_ticket")).doesNotHaveDuplicates()
                .doesNotContain(unconfirmed.ticketNo());
    }

    @Test
    void aReplyCutAfterTheHallCommitAndARestartDoNotDoubleTheCheckIn() {
        AtomicBoolean cutOnce = new AtomicBoolean();
        HallKiosk a = kiosk("K-01", viaProxy(), next -> (record, within) -> {
            if (cutOnce.compareAndSet(false, true)) {
                hall.proxy().cutRepliesAfter(60); // the hall may commit and the kiosk never hear it
            }
            return next.forwarded(record, within);
        });
        Booking booking = book(a, 5);
        clock.set(ZonedDateTime.of(TUESDAY, LocalTime.of(9, 45), ZONE).toInstant());
        QueueTicket ticket = a.services().queue().checkIn(booking.code()).ticket();
        hall.proxy().restore();
        HallKiosk restarted = open(a.restart());
        awaitForwarded(restarted);

        assertThat(column("SELECT ticket_no FROM queue_ticket WHERE booking_id = " + booking.id()))
                .containsExactly(ticket.ticketNo());
        assertThat(count("SELECT COUNT(*) FROM hall_record_declined")).isZero();
        assertHallHoldsEveryJournalRecordOnce(restarted);
    }

    @Test
    void twoKiosksOnOnePostgresNeverHandOutTheSameNumberThroughAnOutageOfOne() {
        HallKiosk a = kiosk("K-01", viaProxy(), UnaryOperator.identity());
        HallKiosk b = kiosk("K-02", hall.url(), UnaryOperator.identity());
        List<Booking> bookings = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            bookings.add(book(b, 10 + i));
        }
        clock.set(ZonedDateTime.of(TUESDAY, LocalTime.of(9, 45), ZONE).toInstant());
        a.services().queue().reserveOfflineNumbers();
        b.services().queue().reserveOfflineNumbers();
        List<String> handedOut = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            handedOut.add(a.services().queue().walkIn(SERVICE).ticket().ticketNo());
            handedOut.add(b.services().queue().walkIn(SERVICE).ticket().ticketNo());
            handedOut.add(a.services().queue().checkIn(bookings.get(i).code()).ticket().ticketNo());
        }
        awaitForwarded(a);

        hall.proxy().cut(); // K-01 learns of it when it next asks the hall store
        long journalledBefore = a.journal().all().size();
        assertThatThrownBy(() -> a.services().queue().checkIn(bookings.get(3).code()))
                .isInstanceOfSatisfying(CheckInException.class,
                        e -> assertThat(e.reason()).isEqualTo(CheckInException.Reason.HALL_OFFLINE));
        assertThat(a.journal().all()).hasSize((int) journalledBefore); // nothing decided, nothing journalled
        for (int i = 0; i < 4; i++) {
            QueueTicket offline = a.services().queue().walkIn(SERVICE).ticket();
            assertThat(offline.queueKnown()).isFalse();
            handedOut.add(offline.ticketNo());
            handedOut.add(b.services().queue().walkIn(SERVICE).ticket().ticketNo());
        }
        Poll.until(PATIENCE, "K-01's shipper knows of the outage", () -> !a.shipper().status().reachable());
        assertThatThrownBy(() -> a.services().queue().checkIn(bookings.get(4).code())) // refused at once now
                .isInstanceOfSatisfying(CheckInException.class,
                        e -> assertThat(e.reason()).isEqualTo(CheckInException.Reason.HALL_OFFLINE));
        for (int i = 3; i < 6; i++) {
            handedOut.add(b.services().queue().checkIn(bookings.get(i).code()).ticket().ticketNo());
        }

        hall.proxy().restore();
        a.shipper().wake();
        awaitForwarded(a);
        awaitForwarded(b);
        assertThat(handedOut).hasSize(20).doesNotHaveDuplicates();
        assertThat(column("SELECT ticket_no FROM queue_ticket")).containsExactlyInAnyOrderElementsOf(handedOut);
        assertThat(count("SELECT COUNT(*) FROM queue_ticket WHERE booking_id IS NOT NULL")).isEqualTo(6);
        assertThat(count("SELECT COUNT(*) FROM booking WHERE status = 'CHECKED_IN'")).isEqualTo(6);
        assertHallHoldsEveryJournalRecordOnce(a, b);
        assertThat(a.journal().all()).extracting(JournalRecord::kind)
                .containsOnly(RecordKind.WALK_IN_TICKET, RecordKind.CHECK_IN, RecordKind.TICKET_BLOCK) // ADR 0198
                .contains(RecordKind.TICKET_BLOCK);
    }

    @Test
    void aCheckInDeclinedAfterItsTicketWasPrintedIsAuditedAndNoLongerCountedAsATicket() {
        AtomicBoolean cutOnce = new AtomicBoolean();
        HallKiosk a = kiosk("K-01", viaProxy(), next -> (record, within) -> {
            if (cutOnce.compareAndSet(false, true)) {
                hall.proxy().cut(); // the check-in is on A's journal's disk; the hall goes away before it is forwarded
            }
            return next.forwarded(record, within);
        });
        HallKiosk b = kiosk("K-02", hall.url(), UnaryOperator.identity());
        Booking booking = book(b, 6);
        clock.set(ZonedDateTime.of(TUESDAY, LocalTime.of(9, 45), ZONE).toInstant());

        QueueTicket atA = a.services().queue().checkIn(booking.code()).ticket();
        assertThat(atA.checkInUnconfirmed()).isTrue();
        assertThat(a.receipts().tickets).hasSize(1); // the citizen holds A's "not yet confirmed" ticket
        QueueTicket atB = b.services().queue().checkIn(booking.code()).ticket(); // the same slip, at B, first
        assertThat(atB.queueKnown()).isTrue();

        hall.proxy().restore();
        a.shipper().wake();
        awaitForwarded(a);
        Poll.until(PATIENCE, "K-01 audited the decline",
                () -> count("SELECT COUNT(*) FROM audit_log WHERE action = 'CHECK_IN_DECLINED'", a) == 1);
        List<String> entry = HallKiosk.column(a.journal().store(), "SELECT subject || ' ' || details FROM audit_log"
                + " WHERE action = 'CHECK_IN_DECLINED'");
        assertThat(entry).hasSize(1);
        assertThat(entry.get(0)).contains("booking:" + booking.code(), "ticket=" + atA.ticketNo(),
                        "declined=booking CHECKED_IN")
                .doesNotContain(String.format("11010519900101%03d", 6)).doesNotContain("测试");
        assertThat(a.journal().declinedSince(java.time.Instant.EPOCH)).singleElement().satisfies(d -> {
            assertThat(d.said()).isFalse(); // nobody was told: the operator is (RuntimeStatusSource, ADR 0199)
            assertThat(d.audited()).isTrue();
        });
        // A's tickets of the day: one check-in, declined — none in the hall's queue
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'CHECKED_IN'", a)).isEqualTo(1);
        assertThat(column("SELECT ticket_no FROM queue_ticket WHERE booking_id = " + booking.id()))
                .containsExactly(atB.ticketNo());
        // a duplicate send and a reforward change nothing: the decline is audited once
        assertThat(HallInbox.standard(hall.store(), clock, DemoData.DEMO_HALL).accept(a.journal().all())).isZero();
        a.journal().markUnforwardedSince(java.time.Instant.EPOCH);
        a.shipper().wake();
        awaitForwarded(a);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'CHECK_IN_DECLINED'", a)).isEqualTo(1);
        assertHallHoldsEveryJournalRecordOnce(a, b);
    }

    @Test
    void aJournalFailingRightAfterTheLocalCommitGivesTheTicketWithHonestWordsAndItArrivesOnce() {
        AtomicReference<HallKiosk> self = new AtomicReference<>();
        // a shipper whose retry waits long: while one is queued, an append does not start a drain of its own, so the
        // only forward before the answer is the citizen's "forward now" — the fault below always comes first
        HallKiosk a = open(HallKiosk.open(hall.url(), tempDir, "K-01", clock, 5,
                new Shipper.Settings(10, Duration.ofSeconds(30), Duration.ofSeconds(30)),
                next -> (record, within) -> {
                    // the record and its audit entry are committed; then the journal file fails
                    renameJournalTable(self.get(), "journal_record", "journal_record_away");
                    return next.forwarded(record, within);
                }));
        self.set(a);
        renameJournalTable(a, "journal_record", "journal_record_away");
        a.shipper().wake();
        Poll.until(PATIENCE, "a forward failed and its retry waits", () -> a.shipper().status().problem().isPresent());
        renameJournalTable(a, "journal_record_away", "journal_record");
        Booking booking = book(a, 7);
        clock.set(ZonedDateTime.of(TUESDAY, LocalTime.of(9, 45), ZONE).toInstant());

        TicketResult checkIn = a.services().queue().checkIn(booking.code()); // not "the system cannot be reached"
        assertThat(checkIn.ticket().checkInUnconfirmed()).isTrue(); // never "checked in" before the hall took it
        assertThat(checkIn.ticket().forwardPending()).isTrue(); // the hall answered: it is not said to be away
        assertThat(checkIn.ticket().queueKnown()).isFalse();
        assertThat(checkIn.print().printed()).isTrue();
        assertThat(count("SELECT COUNT(*) FROM queue_ticket")).isZero();
        renameJournalTable(a, "journal_record_away", "journal_record");
        JournalRecord checkInRecord = a.journal().all().get(0);
        assertThat(a.shipper().forwardNow(checkInRecord, PATIENCE)).isTrue(); // the journal reads again: sent once
        assertThat(column("SELECT ticket_no FROM queue_ticket WHERE booking_id = " + booking.id()))
                .containsExactly(checkIn.ticket().ticketNo());

        TicketResult walkIn = a.services().queue().walkIn(SERVICE);
        assertThat(walkIn.ticket().forwardPending()).isTrue();
        assertThat(walkIn.ticket().checkInUnconfirmed()).isFalse();
        assertThat(walkIn.ticket().queueKnown()).isFalse();
        assertThat(walkIn.print().printed()).isTrue();
        renameJournalTable(a, "journal_record_away", "journal_record");
        assertThat(a.shipper().forwardNow(checkInRecord, PATIENCE)).isTrue();
        assertThat(a.journal().waitingCount()).isZero();
        assertThat(column("SELECT ticket_no FROM queue_ticket")).containsExactlyInAnyOrder(
                checkIn.ticket().ticketNo(), walkIn.ticket().ticketNo());
        assertThat(a.receipts().tickets).hasSize(2);
        assertHallHoldsEveryJournalRecordOnce(a);
    }

    /** A fault of the kiosk's own journal file: its records' table is not there for a moment (a real H2 error). */
    private static void renameJournalTable(HallKiosk kiosk, String from, String to) {
        kiosk.journal().store().inTransaction(c -> {
            try (java.sql.Statement s = c.createStatement()) {
                return s.executeUpdate("ALTER TABLE " + from + " RENAME TO " + to);
            }
        });
    }

    // ---------------------------------------------------------------- fixtures

    private HallKiosk kiosk(String id, String hallUrl, UnaryOperator<ForwardNow> hook) {
        return open(HallKiosk.open(hallUrl, tempDir, id, clock, 5, FAST, hook));
    }

    private String viaProxy() {
        return hall.throughProxy();
    }

    /**
     * A booking on Tuesday of test person {@code n} (at 10:00 for n below 10, else spread over the morning's slots),
     * made on Monday through a kiosk that reaches the hall.
     */
    private Booking book(HallKiosk kiosk, int n) {
        Identity who = new Identity(DemoData.withCheck(String.format("11010519900101%03d", n)),
                Optional.of("测试" + n), IdentitySource.CARD, Optional.of(CardType.RESIDENT_ID), Optional.empty());
        LocalTime slot = n < 10 ? LocalTime.of(10, 0) : LocalTime.of(9, 0).plusMinutes(30L * (n % 4));
        return kiosk.services().appointments().book(who, SERVICE, DemoData.DEMO_HALL, TUESDAY, slot).booking();
    }

    private static Object outcome(HallKiosk kiosk, String bookingCode) {
        try {
            return kiosk.services().queue().checkIn(bookingCode);
        } catch (CheckInException e) {
            return e;
        }
    }

    private static void awaitForwarded(HallKiosk kiosk) {
        Poll.until(PATIENCE, kiosk.journal().kioskId() + "'s journal forwarded",
                () -> kiosk.shipper().status().reachable() && kiosk.shipper().status().waiting() == 0);
    }

    /** The hall has a receipt of every journal record of these kiosks, and of nothing else; each key once (PK). */
    private void assertHallHoldsEveryJournalRecordOnce(HallKiosk... kiosks) {
        List<String> keys = new ArrayList<>();
        for (HallKiosk kiosk : kiosks) {
            kiosk.journal().all().forEach(r -> keys.add(r.key()));
        }
        assertThat(column("SELECT record_key FROM hall_record")).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(column("SELECT record_key FROM queue_ticket WHERE record_key IS NOT NULL")).doesNotHaveDuplicates();
        assertThat(column("SELECT ticket_no FROM queue_ticket")).doesNotHaveDuplicates();
    }

    private long count(String sql) {
        return Long.parseLong(column(sql).get(0));
    }

    private static long count(String sql, HallKiosk kiosk) {
        return kiosk.journal().store().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private List<String> column(String sql) {
        return HallKiosk.column(hall.store(), sql);
    }

    private <T extends AutoCloseable> T open(T resource) {
        return hall.open(resource);
    }
}
