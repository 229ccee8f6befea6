package org.openkiosk.app.service;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.service.appointment.BookingResult;
import org.openkiosk.app.service.appointment.BookingRetention;
import org.openkiosk.app.service.catalogue.CatalogueLoader;
import org.openkiosk.app.service.identity.CardIdentity;
import org.openkiosk.app.service.identity.CardType;
import org.openkiosk.app.service.identity.IdentificationException;
import org.openkiosk.app.service.identity.Identity;
import org.openkiosk.app.service.platform.DemoData;
import org.openkiosk.app.service.platform.EmbeddedServicePlatform;
import org.openkiosk.app.service.support.FakeCertificateRenderer;
import org.openkiosk.app.service.support.MutableClock;
import org.openkiosk.app.service.support.RecordingReceiptPort;
import org.openkiosk.app.service.support.ScriptedA4Printer;
import org.openkiosk.app.store.Store;
import org.openkiosk.app.store.StoreBackend;
import org.openkiosk.app.store.Stores;

/** The retention job on H2: full ID numbers in bookings become masked after the configured days, on a moved clock. */
class BookingRetentionH2Test {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant MONDAY_8 = ZonedDateTime.of(2026, 11, 23, 8, 0, 0, 0, ZONE).toInstant();

    @TempDir
    Path dir;

    Store store;
    MutableClock clock;
    CitizenServices services;

    @BeforeEach
    void open() throws Exception {
        store = Stores.open(backend().newStoreConfig(dir), dir);
        clock = new MutableClock(MONDAY_8);
        DemoData.seed(store, clock);
        services = new CitizenServices(store, new EmbeddedServicePlatform(store), new CatalogueLoader().loadDefault(),
                new FakeCertificateRenderer(), new ScriptedA4Printer(), new RecordingReceiptPort(), clock, "K-01",
                DemoData.DEMO_HALL);
    }

    StoreBackend backend() {
        return StoreBackend.h2();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void numbersAreMaskedOnlyAfterTheConfiguredDaysPastTheAppointment() throws Exception {
        Identity card = services.identification().fromCard(new CardIdentity(CardType.RESIDENT_ID, "测试",
                DemoData.TEST_PERSON));
        BookingResult tuesday = services.appointments().book(card, "exit-entry", DemoData.DEMO_HALL,
                LocalDate.of(2026, 11, 24), LocalTime.of(10, 0)); // a no-show: never checked in
        BookingResult friday = services.appointments().book(card, "household", DemoData.DEMO_HALL,
                LocalDate.of(2026, 11, 27), LocalTime.of(10, 0));
        BookingRetention retention = new BookingRetention(store, clock, ZONE, 30);

        clock.set(ZonedDateTime.of(2026, 12, 24, 12, 0, 0, 0, ZONE).toInstant()); // day 30 after Tuesday
        assertThat(retention.run()).isZero();
        clock.advance(Duration.ofDays(1)); // 31 days after Tuesday, 28 after Friday
        assertThat(retention.run()).isEqualTo(1);
        assertThat(retention.run()).as("idempotent").isZero();

        assertThat(idNumbers()).containsExactlyInAnyOrder("1101**********002X", DemoData.TEST_PERSON.value());
        assertThat(count("SELECT COUNT(*) FROM booking WHERE active_holder IS NOT NULL")).isEqualTo(1);
        // the reduced booking identifies nobody any more: not by its slip, not in the holder's list
        assertThatThrownBy(() -> services.identification().fromAppointmentQr(tuesday.slip().qrPayload()))
                .isInstanceOfSatisfying(IdentificationException.class, e -> assertThat(e.reason())
                        .isEqualTo(IdentificationException.Reason.APPOINTMENT_NOT_FOUND));
        assertThat(services.queries().appointments(card)).extracting(b -> b.code())
                .containsExactly(friday.booking().code());

        clock.advance(Duration.ofDays(3));
        assertThat(retention.run()).isEqualTo(1);
        assertThat(idNumbers()).containsOnly("1101**********002X");
        assertThat(services.queries().appointments(card)).isEmpty();
    }

    @Test
    void theRetentionPeriodComesFromServicesYaml() throws Exception {
        Path file = dir.resolve("services.yaml");
        java.nio.file.Files.writeString(file, "zone: Asia/Shanghai\ncheckIn: {earlyMinutes: 30, lateMinutes: 15}\n"
                + "retention: {bookingDaysAfterAppointment: 0}\n");
        assertThatThrownBy(() -> new CatalogueLoader().load(file))
                .hasMessageContaining("services.yaml:3 retention.bookingDaysAfterAppointment: must be from 1 to 3650, got 0");
        assertThat(new CatalogueLoader().loadDefault().retention().bookingDaysAfterAppointment()).isEqualTo(30);
    }

    private List<String> idNumbers() {
        return store.inTransaction(c -> {
            List<String> result = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id_number FROM booking")) {
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
            }
            return result;
        });
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
