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
import org.openkiosk.app.service.identity.AttemptsLimitedException;
import org.openkiosk.app.service.identity.IdentificationException;
import org.openkiosk.app.service.queue.CheckInException;
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
 * Guessing typed numbers and slip codes at one kiosk, through the real services on H2: misses lead to a
 * back-off and an alarm for the fleet; the ID card still works while typing is blocked.
 */
class AttemptLimitingH2Test {

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
    void mistypedNumbersAndUnknownSlipsBackOffAndRaiseOneAlarm() throws Exception {
        List<org.openkiosk.app.service.identity.AttemptLimiter.Alarm> alarms = new java.util.ArrayList<>();
        services.attempts().onAlarm(alarms::add);
        for (int i = 0; i < 6; i++) { // well-formed numbers finding no booking: five free misses, then 30 s
            Identity stranger = typed(DemoData.withCheck(String.format("1101051980010112%d", i)).value());
            assertThatThrownBy(() -> services.queue().checkIn(stranger)).isInstanceOf(CheckInException.class);
        }
        // a number failing its check tells nothing and is refused locally, not counted
        assertThat(services.attempts().misses(org.openkiosk.app.service.identity.AttemptLimiter.Kind.TYPED_NUMBER))
                .isEqualTo(6);
        // now even a correct number waits: the kiosk cannot tell a guesser from a citizen
        assertThatThrownBy(() -> typed(DemoData.TEST_PERSON.value()))
                .isInstanceOfSatisfying(AttemptsLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30)));
        assertThatCode(this::card).as("the card is never limited").doesNotThrowAnyException();
        clock.advance(Duration.ofSeconds(30));
        assertThat(typed(DemoData.TEST_PERSON.value()).idNumber()).isEqualTo(DemoData.TEST_PERSON);

        for (int i = 0; i < 10; i++) { // slip codes of the right form that name no booking
            String code = org.openkiosk.app.service.appointment.AppointmentQr.payload("ZZZZZZZ" + "23456789AB".charAt(i));
            clock.advance(Duration.ofMinutes(5)); // past each back-off, within the window
            assertThatThrownBy(() -> services.identification().fromAppointmentQr(code))
                    .isInstanceOf(IdentificationException.class);
        }
        assertThat(alarms).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(org.openkiosk.app.service.identity.AttemptLimiter.Kind.SLIP_CODE);
            assertThat(a.kioskId()).isEqualTo("K-01");
            assertThat(a.misses()).isEqualTo(10);
        });
    }

    @Test
    void typedNumbersProbingForBookingsAtCheckInCountAsMisses() throws Exception {
        for (int i = 0; i < 5; i++) {
            Identity stranger = typed(DemoData.withCheck(String.format("1101051980010112%d", i)).value());
            assertThatThrownBy(() -> services.queue().checkIn(stranger)).isInstanceOf(CheckInException.class);
        }
        assertThat(services.attempts().misses(org.openkiosk.app.service.identity.AttemptLimiter.Kind.TYPED_NUMBER))
                .isEqualTo(5);
        Identity another = typed(DemoData.withCheck("11010519800101129").value());
        assertThatThrownBy(() -> services.queue().checkIn(another)).isInstanceOf(CheckInException.class);
        assertThatThrownBy(() -> typed(DemoData.TEST_PERSON.value())).isInstanceOf(AttemptsLimitedException.class);
        assertThatThrownBy(() -> services.queue().checkIn(another)).isInstanceOf(AttemptsLimitedException.class);
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
