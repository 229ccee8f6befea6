package org.openkiosk.app.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.service.appointment.Booking;
import org.openkiosk.app.service.catalogue.CatalogueLoader;
import org.openkiosk.app.service.identity.AssuranceException;
import org.openkiosk.app.service.identity.AssuranceLevel;
import org.openkiosk.app.service.identity.CardIdentity;
import org.openkiosk.app.service.identity.CardType;
import org.openkiosk.app.service.identity.Identity;
import org.openkiosk.app.service.platform.DemoData;
import org.openkiosk.app.service.platform.EmbeddedServicePlatform;
import org.openkiosk.app.service.support.FakeCertificateRenderer;
import org.openkiosk.app.service.support.MutableClock;
import org.openkiosk.app.service.support.RecordingReceiptPort;
import org.openkiosk.app.service.support.ScriptedA4Printer;
import org.openkiosk.app.store.StoreBackend;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.Stores;

/**
 * The assurance levels enforced by the citizen services themselves (not only the screens), on H2 with the demo
 * data: each service called by a typed number, a scanned slip and a card. A refusal happens before anything is
 * looked up, printed or recorded, and reads the same for a number the platform knows and one it does not.
 */
class AssuranceEnforcementH2Test {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant MONDAY_8 = ZonedDateTime.of(2026, 11, 23, 8, 0, 0, 0, ZONE).toInstant();
    static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);

    @TempDir
    Path dir;

    Store store;
    MutableClock clock;
    RecordingReceiptPort receipts;
    ScriptedA4Printer a4;
    CitizenServices services;

    @BeforeEach
    void open() throws Exception {
        store = Stores.open(StoreBackend.h2().newStoreConfig(dir), dir);
        clock = new MutableClock(MONDAY_8);
        DemoData.seed(store, clock);
        receipts = new RecordingReceiptPort();
        a4 = new ScriptedA4Printer();
        services = new CitizenServices(store, new EmbeddedServicePlatform(store), new CatalogueLoader().loadDefault(),
                new FakeCertificateRenderer(), a4, receipts, clock, "K-01", DemoData.DEMO_HALL);
    }

    @AfterEach
    void close() {
        store.close();
    }

    Identity card() throws Exception {
        return services.identification().fromCard(new CardIdentity(CardType.RESIDENT_ID, "测试", DemoData.TEST_PERSON));
    }

    Identity typed(String number) throws Exception {
        return services.identification().fromTypedNumber(number, Optional.empty());
    }

    @Test
    void aTypedNumberIsRefusedEverythingPersonalWhetherOrNotItIsOnRecord() throws Exception {
        Identity known = typed(DemoData.TEST_PERSON.value());
        Identity unknown = typed(DemoData.withCheck("11010519800101123").value());
        assertThat(known.name()).as("no lookup for a typed number: no name").isEmpty();
        Booking booking = services.appointments().book(card(), "exit-entry", DemoData.DEMO_HALL, TUESDAY,
                LocalTime.of(10, 0)).booking();

        for (Identity who : List.of(known, unknown)) {
            refusedForCard(() -> services.queries().progress(who));
            refusedForCard(() -> services.queries().appointments(who));
            refusedForCard(() -> services.queries().certificates(who));
            refusedForCard(() -> services.certificates().printable(who));
            refusedForCard(() -> services.certificates().preview(who, "no-criminal-record"));
            refusedForCard(() -> services.certificates().issue(who, "no-criminal-record"));
            refusedForCard(() -> services.appointments().book(who, "household", DemoData.DEMO_HALL, TUESDAY,
                    LocalTime.of(10, 0)));
            refusedForCard(() -> services.appointments().cancel(who, booking.code()));
            refusedForCard(() -> services.appointments().reschedule(who, booking.code(), TUESDAY, LocalTime.of(11, 0)));
            assertThatCode(() -> services.queries().guides(Optional.of(who))).doesNotThrowAnyException();
        }
        assertThat(count("SELECT COUNT(*) FROM certificate_print")).isZero();
        assertThat(a4.jobs).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM booking")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM booking WHERE status = 'BOOKED'")).isEqualTo(1);
    }

    @Test
    void aTypedNumberTakesWalkInTicketsAndChecksInTheAppointmentItHolds() throws Exception {
        services.appointments().book(card(), "exit-entry", DemoData.DEMO_HALL, TUESDAY, LocalTime.of(10, 0));
        assertThat(services.queue().walkIn(Optional.of(typed(DemoData.TEST_PERSON.value())), "vehicle")
                .ticket().ticketNo()).isEqualTo("C001");
        clock.advance(Duration.ofHours(25).plusMinutes(40)); // Tuesday 09:40
        assertThat(services.queue().checkIn(typed(DemoData.TEST_PERSON.value())).ticket().priority()).isTrue();
    }

    @Test
    void aSlipChecksInItsOwnBookingButShowsAndChangesNothing() throws Exception {
        var booked = services.appointments().book(card(), "exit-entry", DemoData.DEMO_HALL, TUESDAY,
                LocalTime.of(10, 0));
        Identity slip = services.identification().fromAppointmentQr(booked.slip().qrPayload());
        assertThat(slip.assuranceFor(booked.booking().code())).isEqualTo(AssuranceLevel.SLIP);

        refusedForCard(() -> services.queries().progress(slip));
        refusedForCard(() -> services.queries().appointments(slip));
        refusedForCard(() -> services.certificates().issue(slip, "no-criminal-record"));
        refusedForCard(() -> services.appointments().book(slip, "household", DemoData.DEMO_HALL, TUESDAY,
                LocalTime.of(10, 0)));
        refusedForCard(() -> services.appointments().cancel(slip, booked.booking().code())); // cancel: card by default

        clock.advance(Duration.ofHours(25).plusMinutes(40));
        assertThat(services.queue().checkIn(booked.booking().code()).ticket().priority()).isTrue();
    }

    @Test
    void aCardGetsEveryService() throws Exception {
        Identity card = card();
        assertThat(services.queries().progress(card)).isNotEmpty();
        assertThat(services.certificates().issue(card, "no-criminal-record").outcome().printed()).isTrue();
        var booked = services.appointments().book(card, "exit-entry", DemoData.DEMO_HALL, TUESDAY, LocalTime.of(10, 0));
        assertThat(services.queries().appointments(card)).hasSize(1);
        services.appointments().reschedule(card, booked.booking().code(), TUESDAY, LocalTime.of(11, 0));
        services.appointments().cancel(card, booked.booking().code());
        assertThat(count("SELECT COUNT(*) FROM booking WHERE status = 'CANCELLED'")).isEqualTo(1);
    }

    @Test
    void printRecordsAreKeyedByTheNetworksSecretAndOldPlainHashesStillCount() throws Exception {
        var keys = org.openkiosk.app.service.certificate.HolderKey.withSecret("n".repeat(32).getBytes());
        CitizenServices keyed = new CitizenServices(store, new EmbeddedServicePlatform(store),
                new CatalogueLoader().loadDefault(), new FakeCertificateRenderer(), a4, receipts, clock, "K-01",
                DemoData.DEMO_HALL, org.openkiosk.app.service.audit.AuditKey.ephemeral(), java.util.Optional.empty(), keys);
        // one print made before the change, under the plain SHA-256 key (the reprint limit is 1 + 2)
        store.inTransaction(c -> {
            try (var insert = c.prepareStatement("INSERT INTO certificate_print (certificate_type, certificate_number,"
                    + " holder_key, printed_at, kiosk_id, outcome) VALUES ('no-criminal-record', 'WFZ202500000009', ?,"
                    + " CURRENT_TIMESTAMP, 'K-00', 'PRINTED')")) {
                insert.setString(1, org.openkiosk.app.service.certificate.HolderKey.legacy(DemoData.TEST_PERSON));
                return insert.executeUpdate();
            }
        });
        assertThat(keyed.certificates().issue(card(), "no-criminal-record").remaining()).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM certificate_print WHERE holder_key = '"
                + keys.of(DemoData.TEST_PERSON) + "'")).isEqualTo(1);
    }

    private static void refusedForCard(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AssuranceException.class,
                e -> assertThat(e.required()).isEqualTo(AssuranceLevel.CARD));
    }

    long count(String sql) {
        return store.inTransaction(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
