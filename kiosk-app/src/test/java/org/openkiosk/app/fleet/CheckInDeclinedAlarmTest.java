package org.openkiosk.app.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.service.appointment.Booking;
import org.openkiosk.app.service.identity.CardType;
import org.openkiosk.app.service.identity.Identity;
import org.openkiosk.app.service.identity.IdentitySource;
import org.openkiosk.app.service.platform.DemoData;
import org.openkiosk.app.service.queue.QueueTicket;
import org.openkiosk.app.service.support.HallKiosk;
import org.openkiosk.app.service.support.HallWithProxy;
import org.openkiosk.app.service.support.MutableClock;
import org.openkiosk.app.store.PostgresServer;
import org.openkiosk.app.store.journal.Journal;
import org.openkiosk.app.store.journal.Shipper;
import org.openkiosk.testsupport.MosquittoBroker;
import org.openkiosk.testsupport.Poll;

/**
 * A check-in the hall store declines after the kiosk printed its ticket as "not yet confirmed" (ADR 0199), with real
 * processes: two kiosks on one embedded PostgreSQL, kiosk A behind a proxy cut right after its local commit; the same
 * slip is checked in at kiosk B; the hall comes back and declines A's record. Kiosk A learns it from the hall's
 * answer to the forward: the alarm {@code CHECK_IN_DECLINED} reaches the operator through a real Mosquitto with the
 * example ACL (valid against the AsyncAPI document, ticket number only), and A's ticket count of the day drops to 0.
 */
class CheckInDeclinedAlarmTest {

    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Shipper.Settings FAST = new Shipper.Settings(10, Duration.ofMillis(20), Duration.ofMillis(300));

    @TempDir
    Path tmp;

    private final MutableClock clock = new MutableClock(ZonedDateTime.of(2026, 11, 23, 9, 0, 0, 0, ZONE).toInstant());

    @RegisterExtension
    final HallWithProxy hall = new HallWithProxy(POSTGRES, clock);

    @Test
    void aCheckInDeclinedAfterItsTicketWasPrintedRaisesTheAlarmAndIsNotCounted() throws Exception {
        AtomicBoolean cutOnce = new AtomicBoolean();
        HallKiosk a = open(HallKiosk.open(hall.throughProxy(), tmp, "K-01", clock, 5,
                FAST, next -> (record, within) -> {
                    if (cutOnce.compareAndSet(false, true)) {
                        hall.proxy().cut(); // A's check-in is on its journal's disk; the hall goes before the forward
                    }
                    return next.forwarded(record, within);
                }));
        HallKiosk b = open(HallKiosk.open(hall.url(), tmp, "K-02", clock, 5, FAST, UnaryOperator.identity()));
        var idNumber = DemoData.withCheck("11010519900101021");
        Booking booking = b.services().appointments().book(new Identity(idNumber, Optional.of("测试"),
                IdentitySource.CARD, Optional.of(CardType.RESIDENT_ID), Optional.empty()), "exit-entry",
                DemoData.DEMO_HALL, TUESDAY, LocalTime.of(10, 0)).booking();
        clock.set(ZonedDateTime.of(TUESDAY, LocalTime.of(9, 45), ZONE).toInstant());
        OffsetDateTime midnight = TUESDAY.atStartOfDay(ZONE).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);

        try (MosquittoBroker broker = FleetLinkMosquittoTest.hallBroker(tmp.resolve("broker")).start()) {
            TestStatusSource device = new TestStatusSource(FleetLinkMosquittoTest.REGION, FleetLinkMosquittoTest.HALL,
                    "K-A");
            StatusSource kioskA = new StatusSource() { // A's journal as RuntimeStatusSource reads it
                @Override
                public KioskState state() {
                    return device.state();
                }

                @Override
                public Telemetry telemetry() {
                    return device.telemetry();
                }

                @Override
                public List<Alarm> systemAlarms() {
                    return RuntimeStatusSource.checkInsDeclined("K-A", a.journal().declinedSince(midnight.toInstant()),
                            clock.instant()).map(List::of).orElse(List.of());
                }
            };
            FleetLink link = open(FleetLink.start(FleetLinkMosquittoTest.settings(broker.uri(), "K-A",
                    tmp.resolve("queue"), Duration.ofMillis(200)), tmp, kioskA, clock, name -> "pw-a"));
            MqttProbe operator = open(new MqttProbe(broker.port(), "operator", "pw-op", "openkiosk/v1/#"));
            String alarmTopic = link.topics().alarm("CHECK_IN_DECLINED");

            QueueTicket atA = a.services().queue().checkIn(booking.code()).ticket();
            assertThat(atA.checkInUnconfirmed()).isTrue();
            assertThat(a.receipts().tickets).hasSize(1); // the citizen leaves with A's "not yet confirmed" ticket
            assertThat(ticketsToday(a, midnight)).isEqualTo(1);
            QueueTicket atB = b.services().queue().checkIn(booking.code()).ticket(); // the same slip at B
            assertThat(atB.queueKnown()).isTrue();

            hall.proxy().restore();
            a.shipper().wake();
            Poll.until(PATIENCE, "K-01 learned the decline from the hall's answer",
                    () -> a.journal().declinedSince(midnight.toInstant()).stream().anyMatch(Journal.Declined::audited));
            assertThat(ticketsToday(a, midnight)).isZero(); // A's ticket is never called: not counted
            assertThat(ticketsToday(b, midnight)).isEqualTo(1);

            // the citizen at a kiosk is told within seconds; a decline still unsaid after that is alarmed
            assertThat(kioskA.systemAlarms()).isEmpty();
            clock.advance(Duration.ofMinutes(1));
            MqttProbe.Received raised = operator.await(alarmTopic, p -> !p.isEmpty());
            try (MqttProbe late = new MqttProbe(broker.port(), "operator", "pw-op", "openkiosk/v1/+/+/+/alarm/+")) {
                late.await(r -> r.topic().equals(alarmTopic) && r.retain() && !r.empty(), Duration.ofSeconds(10));
            } // retained: a console that connects later sees it too
            JsonNode alarm = FleetJson.MAPPER.readTree(raised.payload());
            assertThat(AsyncApiSchemas.load().validate("Alarm", alarm)).isEmpty();
            assertThat(alarm.path("severity").asText()).isEqualTo("warning");
            assertThat(alarm.path("text").asText()).contains(atA.ticketNo()).contains("booking CHECKED_IN");
            assertThat(raised.payload()).doesNotContain(booking.code()).doesNotContain(idNumber.value())
                    .doesNotContain("测试");
            operator.await(link.topics().state(), p -> p.contains("CHECK_IN_DECLINED"));

            // the day's tickets are done at midnight: the alarm clears
            clock.set(ZonedDateTime.of(TUESDAY.plusDays(1), LocalTime.of(0, 1), ZONE).toInstant());
            assertThat(RuntimeStatusSource.checkInsDeclined("K-A", a.journal().declinedSince(
                    TUESDAY.plusDays(1).atStartOfDay(ZONE).toInstant()), clock.instant())).isEmpty();
        }
    }

    /** The fleet telemetry's ticket count of a kiosk, from its journal's audit chain as RuntimeStatusSource counts. */
    private static long ticketsToday(HallKiosk kiosk, OffsetDateTime midnight) {
        return RuntimeStatusSource.tickets(RuntimeStatusSource.countsSince(kiosk.journal().store(),
                kiosk.journal().kioskId(), midnight));
    }

    private <T extends AutoCloseable> T open(T resource) {
        return hall.open(resource);
    }
}
