package org.openkiosk.app.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.config.StoreConfig;
import org.openkiosk.app.service.appointment.AppointmentException;
import org.openkiosk.app.service.appointment.AppointmentQr;
import org.openkiosk.app.service.appointment.Booking;
import org.openkiosk.app.service.appointment.BookingResult;
import org.openkiosk.app.service.appointment.BookingStatus;
import org.openkiosk.app.service.appointment.SlotAvailability;
import org.openkiosk.app.service.audit.AuditKey;
import org.openkiosk.app.service.audit.AuditVerification;
import org.openkiosk.app.service.catalogue.CatalogueLoader;
import org.openkiosk.app.service.catalogue.ServiceCatalogue;
import org.openkiosk.app.service.certificate.CertificateException;
import org.openkiosk.app.service.certificate.IssueResult;
import org.openkiosk.app.service.certificate.PrintableCertificate;
import org.openkiosk.app.service.identity.CardIdentity;
import org.openkiosk.app.service.identity.CardType;
import org.openkiosk.app.service.identity.Identity;
import org.openkiosk.app.service.platform.Application;
import org.openkiosk.app.service.platform.ApplicationStatus;
import org.openkiosk.app.service.platform.DemoData;
import org.openkiosk.app.service.platform.EmbeddedServicePlatform;
import org.openkiosk.app.service.port.PrintOutcome;
import org.openkiosk.app.service.queue.CheckInException;
import org.openkiosk.app.service.queue.QueueService;
import org.openkiosk.app.service.queue.QueueTicket;
import org.openkiosk.app.service.queue.TicketResult;
import org.openkiosk.app.service.rating.SatisfactionLevel;
import org.openkiosk.app.service.support.FakeCertificateRenderer;
import org.openkiosk.app.service.support.MutableClock;
import org.openkiosk.app.service.support.RecordingReceiptPort;
import org.openkiosk.app.service.support.ScriptedA4Printer;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.StoreBackend;
import org.openkiosk.app.store.StoreException;
import org.openkiosk.app.store.Stores;
import org.openkiosk.device.idcard.IdNumber;

/**
 * The citizen services against a real store. Run for H2 and for PostgreSQL by the subclasses, so both
 * databases keep the same promises — above all: no double booking and unique ticket numbers under concurrency.
 */
abstract class CitizenServicesContract {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Monday 2026-11-23 08:00 in the hall. */
    static final Instant MONDAY_8 = ZonedDateTime.of(2026, 11, 23, 8, 0, 0, 0, ZONE).toInstant();
    static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);
    static final String HALL = DemoData.DEMO_HALL;
    static final String PASSPORTS = "exit-entry";

    @TempDir
    Path tempDir;

    StoreConfig config;
    Store store;
    MutableClock clock;
    RecordingReceiptPort receipts;
    ScriptedA4Printer a4;
    FakeCertificateRenderer renderer;
    ServiceCatalogue catalogue;
    CitizenServices services;

    abstract StoreBackend backend();

    @BeforeEach
    void openStore() throws Exception {
        config = backend().newStoreConfig(tempDir);
        store = Stores.open(config, tempDir);
        clock = new MutableClock(MONDAY_8);
        DemoData.seed(store, clock);
        receipts = new RecordingReceiptPort();
        a4 = new ScriptedA4Printer();
        renderer = new FakeCertificateRenderer();
        catalogue = new CatalogueLoader().loadDefault();
        services = kiosk(store, "K-01");
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** Kiosks sharing a database share its audit key (ADR 0064). */
    final AuditKey auditKey = AuditKey.ephemeral();

    CitizenServices kiosk(Store on, String kioskId) {
        return new CitizenServices(on, new EmbeddedServicePlatform(on), catalogue, renderer, a4, receipts, clock,
                kioskId, HALL, auditKey, Optional.empty(), org.openkiosk.app.service.certificate.HolderKey.demo());
    }

    static Identity person(int n) {
        IdNumber id = DemoData.withCheck(String.format("11010519900101%03d", n));
        return new Identity(id, Optional.of("测试" + n), org.openkiosk.app.service.identity.IdentitySource.CARD,
                Optional.of(CardType.RESIDENT_ID), Optional.empty());
    }

    Identity testPerson() throws Exception {
        return services.identification().fromCard(new CardIdentity(CardType.RESIDENT_ID, "测试",
                DemoData.TEST_PERSON));
    }

    long count(String sql) {
        return store.inTransaction(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    void execute(String sql) {
        store.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate(sql);
            }
        });
    }

    // ---------------------------------------------------------------- schema

    @Test
    void migrationsAreIdempotent() {
        assertThat(Stores.migrate(store)).isZero();
        assertThat(count("SELECT COUNT(*) FROM audit_head")).isEqualTo(1);
    }

    // ---------------------------------------------------------------- queries

    @Test
    void progressIsATimelineAndGuidesNeedNoIdentity() throws Exception {
        List<Application> applications = services.queries().progress(testPerson());
        assertThat(applications).extracting(Application::id).containsExactly("A2026-0001", "A2026-0002");
        assertThat(applications.get(0).timeline()).extracting(e -> e.status()).containsExactly(
                ApplicationStatus.RECEIVED, ApplicationStatus.UNDER_REVIEW, ApplicationStatus.APPROVED,
                ApplicationStatus.MAILED);
        assertThat(applications.get(1).currentStatus()).isEqualTo(ApplicationStatus.UNDER_REVIEW);
        assertThat(services.queries().guides()).extracting(g -> g.code()).contains("exit-entry", "household");
    }

    // ---------------------------------------------------------------- appointments

    @Test
    void dayViewShowsLeadTimeCutOffAndFreeSeats() {
        List<SlotAvailability> monday = services.appointments().day(PASSPORTS, HALL, MONDAY_8.atZone(ZONE).toLocalDate());
        assertThat(monday).first().satisfies(s -> {
            assertThat(s.start()).isEqualTo(LocalTime.of(9, 0));
            assertThat(s.refusal()).contains(AppointmentException.Reason.LEAD_TIME);
        });
        assertThat(monday).filteredOn(s -> s.start().equals(LocalTime.of(10, 0))).singleElement()
                .satisfies(s -> assertThat(s.bookable()).isTrue());
        services.appointments().book(person(1), PASSPORTS, HALL, TUESDAY, LocalTime.of(10, 0));
        assertThat(services.appointments().day(PASSPORTS, HALL, TUESDAY))
                .filteredOn(s -> s.start().equals(LocalTime.of(10, 0))).singleElement()
                .satisfies(s -> assertThat(s.free()).isEqualTo(3));
    }

    @Test
    void bookingPrintsASlipWithAQrPayloadAndIsAudited() throws Exception {
        BookingResult result = services.appointments().book(testPerson(), PASSPORTS, HALL, TUESDAY, LocalTime.of(10, 0));
        assertThat(result.slipPrint().printed()).isTrue();
        assertThat(receipts.slips).singleElement().satisfies(slip -> {
            assertThat(slip.qrPayload()).isEqualTo(AppointmentQr.payload(result.booking().code()));
            assertThat(slip.maskedIdNumber()).isEqualTo("1101**********002X");
            assertThat(slip.end()).isEqualTo(LocalTime.of(10, 30));
        });
        assertThat(services.queries().appointments(testPerson())).extracting(Booking::code)
                .containsExactly(result.booking().code());
        // the scanned slip identifies its holder
        Identity fromQr = services.identification().fromAppointmentQr(result.slip().qrPayload());
        assertThat(fromQr.idNumber()).isEqualTo(DemoData.TEST_PERSON);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'BOOKED'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE details LIKE '%11010519491231002X%'")).isZero();
    }

    @Test
    void onePersonHasAtMostOneActiveBookingPerService() {
        services.appointments().book(person(1), PASSPORTS, HALL, TUESDAY, LocalTime.of(10, 0));
        assertThatThrownBy(() -> services.appointments().book(person(1), PASSPORTS, HALL, TUESDAY, LocalTime.of(14, 0)))
                .isInstanceOfSatisfying(AppointmentException.class,
                        e -> assertThat(e.reason()).isEqualTo(AppointmentException.Reason.ALREADY_BOOKED));
        // another service is fine
        services.appointments().book(person(1), "household", HALL, TUESDAY, LocalTime.of(10, 0));
        assertThat(count("SELECT COUNT(*) FROM slot WHERE start_time = TIME '14:00:00'")).isZero();
    }

    @Test
    void cancelFreesTheSeatAndAllowsANewBooking() {
        Booking booking = services.appointments().book(person(2), PASSPORTS, HALL, TUESDAY, LocalTime.of(10, 0)).booking();
        Booking cancelled = services.appointments().cancel(person(2), booking.code());
        assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(count("SELECT booked FROM slot")).isZero();
        assertThatThrownBy(() -> services.appointments().cancel(person(2), booking.code()))
                .isInstanceOfSatisfying(AppointmentException.class,
                        e -> assertThat(e.reason()).isEqualTo(AppointmentException.Reason.NOT_ACTIVE));
        services.appointments().book(person(2), PASSPORTS, HALL, TUESDAY, LocalTime.of(11, 0));
        assertThatThrownBy(() -> services.appointments().cancel(person(3), booking.code()))
                .isInstanceOfSatisfying(AppointmentException.class,
                        e -> assertThat(e.reason()).isEqualTo(AppointmentException.Reason.NOT_FOUND));
    }

    @Test
    void cancellationClosesAtTheCutOff() {
        Booking booking = services.appointments().book(person(2), PASSPORTS, HALL, TUESDAY, LocalTime.of(10, 0)).booking();
        clock.set(ZonedDateTime.of(TUESDAY, LocalTime.of(9, 1), ZONE).toInstant());
        assertThatThrownBy(() -> services.appointments().cancel(person(2), booking.code()))
                .isInstanceOfSatisfying(AppointmentException.class,
                        e -> assertThat(e.reason()).isEqualTo(AppointmentException.Reason.CUT_OFF));
    }

    @Test
    void rescheduleMovesTheSeatOrChangesNothing() {
        Booking booking = services.appointments().book(person(4), PASSPORTS, HALL, TUESDAY, LocalTime.of(10, 0)).booking();
        for (int i = 10; i < 14; i++) {
            services.appointments().book(person(i), PASSPORTS, HALL, TUESDAY, LocalTime.of(11, 0));
        }
        assertThatThrownBy(() -> services.appointments().reschedule(person(4), booking.code(), TUESDAY, LocalTime.of(11, 0)))
                .isInstanceOfSatisfying(AppointmentException.class,
                        e -> assertThat(e.reason()).isEqualTo(AppointmentException.Reason.SLOT_FULL));
        assertThat(count("SELECT booked FROM slot WHERE start_time = TIME '10:00:00'")).isEqualTo(1);
        BookingResult moved = services.appointments().reschedule(person(4), booking.code(), TUESDAY, LocalTime.of(14, 0));
        assertThat(moved.booking().start()).isEqualTo(LocalTime.of(14, 0));
        assertThat(count("SELECT booked FROM slot WHERE start_time = TIME '10:00:00'")).isZero();
        assertThat(count("SELECT booked FROM slot WHERE start_time = TIME '14:00:00'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'RESCHEDULED'")).isEqualTo(1);
    }

    @Test
    void thirtyTwoBookersRaceForTheLastTwoSeatsAndExactlyTwoWin() throws Exception {
        LocalTime ten = LocalTime.of(10, 0);
        services.appointments().book(person(900), PASSPORTS, HALL, TUESDAY, ten);
        services.appointments().book(person(901), PASSPORTS, HALL, TUESDAY, ten);
        List<Object> outcomes = race(32, i -> services.appointments().book(person(i), PASSPORTS, HALL, TUESDAY, ten));
        assertThat(outcomes).filteredOn(o -> o instanceof BookingResult).hasSize(2);
        assertThat(outcomes).filteredOn(o -> !(o instanceof BookingResult)).hasSize(30)
                .allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(AppointmentException.class,
                        e -> assertThat(e.reason()).isEqualTo(AppointmentException.Reason.SLOT_FULL)));
        assertThat(count("SELECT booked FROM slot")).isEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM booking WHERE status = 'BOOKED'")).isEqualTo(4);
        assertThat(services.audit().verify().intact()).isTrue();
    }

    @Test
    void thirtyTwoConcurrentBookingsOfOnePersonLeaveOneActiveBooking() throws Exception {
        List<LocalTime> slots = List.of(LocalTime.of(10, 0), LocalTime.of(10, 30), LocalTime.of(11, 0),
                LocalTime.of(14, 0));
        List<Object> outcomes = race(32, i -> services.appointments().book(person(7), PASSPORTS, HALL, TUESDAY,
                slots.get(i % slots.size())));
        assertThat(outcomes).filteredOn(o -> o instanceof BookingResult).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof AppointmentException e
                && e.reason() == AppointmentException.Reason.ALREADY_BOOKED).hasSize(31);
        assertThat(count("SELECT SUM(booked) FROM slot")).isEqualTo(1);
    }

    @Test
    void aFailureInsideTheTransactionLeavesNothingHalfDone() {
        execute("DELETE FROM audit_head");
        assertThatThrownBy(() -> services.appointments().book(person(5), PASSPORTS, HALL, TUESDAY, LocalTime.of(10, 0)))
                .isInstanceOf(StoreException.class).hasMessageContaining("audit_head");
        assertThat(count("SELECT COUNT(*) FROM booking")).isZero();
        assertThat(count("SELECT COALESCE(SUM(booked), 0) FROM slot")).isZero();
        assertThat(receipts.slips).isEmpty();
    }

    // ---------------------------------------------------------------- check-in and queue

    @Test
    void bookedCitizenCheckingInNearTheSlotGoesAheadOfWalkIns() throws Exception {
        Booking booking = services.appointments().book(testPerson(), PASSPORTS, HALL, TUESDAY, LocalTime.of(10, 0)).booking();
        clock.set(ZonedDateTime.of(TUESDAY, LocalTime.of(9, 40), ZONE).toInstant());
        TicketResult walkIn1 = services.queue().walkIn(PASSPORTS);
        TicketResult walkIn2 = services.queue().walkIn(PASSPORTS);
        assertThat(walkIn1.ticket().ticketNo()).isEqualTo("A001");
        assertThat(walkIn2.ticket().peopleAhead()).isEqualTo(1);

        TicketResult booked = services.queue().checkIn(booking.code());
        QueueTicket ticket = booked.ticket();
        assertThat(ticket.ticketNo()).isEqualTo("A003");
        assertThat(ticket.priority()).isTrue();
        assertThat(ticket.peopleAhead()).isZero();
        assertThat(receipts.tickets).hasSize(3);
        // a later walk-in queues behind everybody
        QueueTicket walkIn3 = services.queue().walkIn(PASSPORTS).ticket();
        assertThat(walkIn3.peopleAhead()).isEqualTo(3);
        assertThat(walkIn3.estimatedWait()).isEqualTo(Duration.ofMinutes(8)); // 3 × 8 min over 3 counters

        assertThat(services.queue().callNext("exit-entry")).contains("A003");
        assertThat(services.queue().callNext("exit-entry")).contains("A001");
        assertThatThrownBy(() -> services.queue().checkIn(booking.code()))
                .isInstanceOfSatisfying(CheckInException.class,
                        e -> assertThat(e.reason()).isEqualTo(CheckInException.Reason.ALREADY_CHECKED_IN));
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'CHECKED_IN'")).isEqualTo(1);
    }

    @Test
    void lateArrivalGetsAnOrdinaryTicketAndCheckInByCardFindsTodaysBooking() throws Exception {
        services.appointments().book(testPerson(), PASSPORTS, HALL, TUESDAY, LocalTime.of(10, 0));
        clock.set(ZonedDateTime.of(TUESDAY, LocalTime.of(10, 20), ZONE).toInstant());
        services.queue().walkIn(PASSPORTS);
        QueueTicket late = services.queue().checkIn(testPerson()).ticket();
        assertThat(late.priority()).isFalse();
        assertThat(late.peopleAhead()).isEqualTo(1);
        assertThatThrownBy(() -> services.queue().checkIn(person(60)))
                .isInstanceOfSatisfying(CheckInException.class,
                        e -> assertThat(e.reason()).isEqualTo(CheckInException.Reason.NO_BOOKING_TODAY));
    }

    @Test
    void checkInOnAnotherDayIsRefused() throws Exception {
        Booking booking = services.appointments().book(testPerson(), PASSPORTS, HALL, TUESDAY, LocalTime.of(10, 0)).booking();
        assertThatThrownBy(() -> services.queue().checkIn(booking.code()))
                .isInstanceOfSatisfying(CheckInException.class,
                        e -> assertThat(e.reason()).isEqualTo(CheckInException.Reason.NOT_TODAY));
    }

    @Test
    void twoKiosksIssuingConcurrentlyNeverShareATicketNumber() throws Exception {
        try (Store second = Stores.open(config, tempDir)) {
            QueueService kiosk1 = services.queue();
            QueueService kiosk2 = kiosk(second, "K-02").queue();
            List<Object> outcomes = race(32, i -> (i % 2 == 0 ? kiosk1 : kiosk2).walkIn(PASSPORTS));
            Set<String> numbers = new HashSet<>();
            for (Object o : outcomes) {
                assertThat(o).isInstanceOf(TicketResult.class);
                numbers.add(((TicketResult) o).ticket().ticketNo());
            }
            Set<String> expected = new HashSet<>();
            for (int i = 1; i <= 32; i++) {
                expected.add(String.format("A%03d", i));
            }
            assertThat(numbers).isEqualTo(expected);
            assertThat(count("SELECT COUNT(DISTINCT kiosk_id) FROM queue_ticket")).isEqualTo(2);
            assertThat(services.audit().verify().intact()).isTrue();
        }
    }

    // ---------------------------------------------------------------- certificates

    @Test
    void certificatesAreNumberedPrintedAndLimited() throws Exception {
        Identity who = testPerson();
        List<PrintableCertificate> printable = services.certificates().printable(who);
        assertThat(printable).extracting(p -> p.entitlement().certificateType())
                .containsExactly("household-registration", "no-criminal-record", "residence");

        IssueResult first = services.certificates().issue(who, "residence");
        assertThat(first.outcome().printed()).isTrue();
        assertThat(first.certificateNumber()).matches("JZZ2026\\d{8}");
        assertThat(renderer.requests).singleElement().satisfies(r -> assertThat(r.holderName()).isEqualTo("测试"));
        assertThat(first.remaining()).isZero();
        assertThatThrownBy(() -> services.certificates().issue(who, "residence"))
                .isInstanceOfSatisfying(CertificateException.class,
                        e -> assertThat(e.reason()).isEqualTo(CertificateException.Reason.REPRINT_LIMIT_REACHED));
        assertThat(count("SELECT COUNT(*) FROM certificate_print")).isEqualTo(1);
    }

    @Test
    void aFailedPrintIsRecordedAsFailedAndDoesNotCountAgainstTheLimit() throws Exception {
        Identity who = testPerson();
        a4.thenAnswer(PrintOutcome.failed("paper jam"));
        IssueResult failed = services.certificates().issue(who, "residence");
        assertThat(failed.outcome().printed()).isFalse();
        assertThat(failed.remaining()).isEqualTo(1);
        IssueResult retried = services.certificates().issue(who, "residence");
        assertThat(retried.outcome().printed()).isTrue();
        assertThat(retried.certificateNumber()).isNotEqualTo(failed.certificateNumber());
        assertThat(count("SELECT COUNT(*) FROM certificate_print WHERE outcome = 'FAILED'"
                + " AND failure_reason = 'paper jam'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM certificate_print WHERE outcome = 'PRINTED'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'CERTIFICATE_PRINT_FAILED'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM certificate_print WHERE holder_key LIKE '%11010519491231002X%'")).isZero();
    }

    @Test
    void reprintsAreAllowedUpToTheConfiguredLimit() throws Exception {
        Identity who = testPerson();
        for (int i = 0; i < 3; i++) { // first print + reprintLimit 2
            assertThat(services.certificates().issue(who, "no-criminal-record").outcome().printed()).isTrue();
        }
        assertThatThrownBy(() -> services.certificates().issue(who, "no-criminal-record"))
                .isInstanceOf(CertificateException.class);
        assertThatThrownBy(() -> services.certificates().issue(person(70), "no-criminal-record"))
                .isInstanceOfSatisfying(CertificateException.class,
                        e -> assertThat(e.reason()).isEqualTo(CertificateException.Reason.NOT_ENTITLED));
    }

    @Test
    void concurrentIssuesOfOneCertificateCannotOvershootTheLimit() throws Exception {
        Identity who = testPerson();
        List<Object> outcomes = race(8, i -> services.certificates().issue(who, "residence")); // limit: 1 print
        assertThat(outcomes).filteredOn(o -> o instanceof IssueResult).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof CertificateException e
                && e.reason() == CertificateException.Reason.REPRINT_LIMIT_REACHED).hasSize(7);
        assertThat(a4.jobs).hasSize(1);
    }

    @Test
    void editingPrintRowsIsABreakOfTheTrail() throws Exception {
        Identity who = testPerson();
        a4.thenAnswer(PrintOutcome.failed("paper jam"));
        String failed = services.certificates().issue(who, "no-criminal-record").certificateNumber();
        String printed = services.certificates().issue(who, "no-criminal-record").certificateNumber();
        assertThat(services.audit().verify().intact()).isTrue();
        long numberedSeq = count("SELECT seq FROM audit_log WHERE action = 'CERTIFICATE_NUMBERED' AND subject = "
                + "'certificate:" + printed + "'");
        long printedSeq = count("SELECT seq FROM audit_log WHERE action = 'CERTIFICATE_PRINTED'");
        long failedSeq = count("SELECT seq FROM audit_log WHERE action = 'CERTIFICATE_PRINT_FAILED'");

        // a print turned into a failure gives the holder one more reprint
        execute("UPDATE certificate_print SET outcome = 'FAILED' WHERE certificate_number = '" + printed + "'");
        assertPrintMismatch(printedSeq, "PRINTED in the trail but FAILED in its print row");
        execute("UPDATE certificate_print SET outcome = 'PRINTED' WHERE certificate_number = '" + printed + "'");

        // a failure turned into a print takes one away
        execute("UPDATE certificate_print SET outcome = 'PRINTED' WHERE certificate_number = '" + failed + "'");
        assertPrintMismatch(failedSeq, "FAILED in the trail but PRINTED");
        execute("UPDATE certificate_print SET outcome = 'FAILED' WHERE certificate_number = '" + failed + "'");

        // the print moved to another person
        execute("UPDATE certificate_print SET holder_key = '" + "0".repeat(64) + "' WHERE certificate_number = '"
                + printed + "'");
        assertPrintMismatch(numberedSeq, "another holder");
        assertThat(services.audit().verify().firstBroken().orElseThrow().reason()).doesNotContain("11010519491231002X");
        execute("UPDATE certificate_print SET holder_key = (SELECT holder_key FROM certificate_print WHERE"
                + " certificate_number = '" + failed + "') WHERE certificate_number = '" + printed + "'");
        assertThat(services.audit().verify().intact()).isTrue();

        // the row deleted: the reprint count goes down
        execute("DELETE FROM certificate_print WHERE certificate_number = '" + printed + "'");
        assertPrintMismatch(numberedSeq, "was deleted");

        // a row inserted outside the kiosk
        execute("INSERT INTO certificate_print (certificate_type, certificate_number, holder_key, printed_at,"
                + " kiosk_id, outcome) SELECT certificate_type, 'FAKE0001', holder_key, printed_at, kiosk_id,"
                + " 'PRINTED' FROM certificate_print WHERE certificate_number = '" + failed + "'");
        execute("DELETE FROM certificate_print WHERE certificate_number = '" + failed + "'");
        AuditVerification result = services.audit().verify();
        assertThat(result.firstBroken()).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo(AuditVerification.Kind.PRINT_MISMATCH);
            assertThat(b.reason()).contains("FAKE0001").contains("no CERTIFICATE_NUMBERED record");
        });
    }

    void assertPrintMismatch(long seq, String words) {
        AuditVerification result = services.audit().verify();
        assertThat(result.firstBroken()).as(result.toString()).hasValueSatisfying(b -> {
            assertThat(b.kind()).isEqualTo(AuditVerification.Kind.PRINT_MISMATCH);
            assertThat(b.seq()).isEqualTo(seq);
            assertThat(b.reason()).contains(words);
        });
    }

    @Test
    void aRendererFailureIsRecordedAsAFailedPrint() throws Exception {
        CitizenServices broken = new CitizenServices(store, new EmbeddedServicePlatform(store), catalogue,
                request -> {
                    throw new IllegalStateException("font missing");
                }, a4, receipts, clock, "K-01", HALL);
        IssueResult result = broken.certificates().issue(testPerson(), "residence");
        assertThat(result.outcome().printed()).isFalse();
        assertThat(result.outcome().failureReason()).contains("font missing");
        assertThat(a4.jobs).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM certificate_print WHERE outcome = 'FAILED'"
                + " AND document_sha256 IS NULL")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM certificate_print WHERE outcome = 'PENDING'")).isZero();
    }

    // ---------------------------------------------------------------- rating

    @Test
    void ratingsHoldNoPersonalData() {
        services.ratings().rate(PASSPORTS, SatisfactionLevel.VERY_SATISFIED, Optional.empty());
        services.ratings().rate(PASSPORTS, SatisfactionLevel.DISSATISFIED, Optional.of("等候时间太长"));
        assertThatThrownBy(() -> services.ratings().rate(PASSPORTS, SatisfactionLevel.SATISFIED, Optional.of("x")))
                .isInstanceOf(IllegalArgumentException.class);
        Map<SatisfactionLevel, Long> summary = services.ratings().summary(PASSPORTS);
        assertThat(summary.get(SatisfactionLevel.VERY_SATISFIED)).isEqualTo(1);
        assertThat(summary.get(SatisfactionLevel.DISSATISFIED)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM rating WHERE level = 2 AND reason = '等候时间太长'"
                + " AND kiosk_id = 'K-01'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'RATED'")).isEqualTo(2);
    }

    // ---------------------------------------------------------------- audit

    @Test
    void auditVerifiesAnUntouchedChainAndNamesTheFirstAlteredRecord() throws Exception {
        Identity who = testPerson();
        services.appointments().book(who, PASSPORTS, HALL, TUESDAY, LocalTime.of(10, 0));
        services.ratings().rate(PASSPORTS, SatisfactionLevel.SATISFIED, Optional.empty());
        services.queue().walkIn(PASSPORTS);
        services.certificates().issue(who, "residence");
        // the identification is record 1, the booking 2, the rating 3; the certificate is numbered and printed
        assertThat(services.audit().verify()).isEqualTo(new AuditVerification(6, Optional.empty()));

        execute("UPDATE audit_log SET details = 'level=5' WHERE seq = 3");
        AuditVerification result = services.audit().verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBroken()).hasValueSatisfying(b -> {
            assertThat(b.seq()).isEqualTo(3);
            assertThat(b.reason()).contains("altered");
        });
    }

    @Test
    void auditDetectsDeletedRecordsInTheMiddleAndAtTheEnd() {
        for (int i = 0; i < 4; i++) {
            services.ratings().rate(PASSPORTS, SatisfactionLevel.SATISFIED, Optional.empty());
        }
        execute("DELETE FROM audit_log WHERE seq = 4");
        assertThat(services.audit().verify().firstBroken()).hasValueSatisfying(b -> {
            assertThat(b.seq()).isEqualTo(4);
            assertThat(b.reason()).contains("removed");
        });
        execute("DELETE FROM audit_log WHERE seq = 2");
        assertThat(services.audit().verify().firstBroken()).hasValueSatisfying(b -> {
            assertThat(b.seq()).isEqualTo(2);
            assertThat(b.reason()).contains("missing");
        });
    }

    @Test
    void auditDetectsARecomputedHashThatBreaksTheNextLink() {
        for (int i = 0; i < 3; i++) {
            services.ratings().rate(PASSPORTS, SatisfactionLevel.SATISFIED, Optional.empty());
        }
        // a forger who rewrites record 2's content and hash still breaks record 3's previous-hash link
        execute("UPDATE audit_log SET hash = '" + "a".repeat(64) + "' WHERE seq = 2");
        assertThat(services.audit().verify().firstBroken()).hasValueSatisfying(b -> assertThat(b.seq()).isEqualTo(2));
    }

    // ---------------------------------------------------------------- helpers

    interface Attempt {
        Object run(int i) throws Exception;
    }

    /** Runs {@code n} attempts at once; returns each result or the exception it threw. */
    static List<Object> race(int n, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return attempt.run(index);
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
