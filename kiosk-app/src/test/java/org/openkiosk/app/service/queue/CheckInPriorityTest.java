package org.openkiosk.app.service.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.openkiosk.app.service.appointment.Booking;
import org.openkiosk.app.service.appointment.BookingStatus;
import org.openkiosk.app.service.catalogue.CatalogueLoader;
import org.openkiosk.app.service.catalogue.ServiceCatalogue;
import org.openkiosk.app.service.catalogue.ServiceDefinition;
import org.openkiosk.app.service.platform.DemoData;

/** The check-in window (30 min early … 15 min late in the shipped catalogue) and the wait estimate. */
class CheckInPriorityTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    final ServiceCatalogue catalogue;
    final QueueService queue;
    final Booking tenOClock = new Booking(1, "ABCDEFGH", "exit-entry", DemoData.DEMO_HALL, DAY, LocalTime.of(10, 0),
            BookingStatus.BOOKED, DemoData.TEST_PERSON);

    CheckInPriorityTest() throws Exception {
        catalogue = new CatalogueLoader().loadDefault();
        queue = new QueueService(null, null, catalogue, null, null, null, Clock.systemUTC(), "K-01", DemoData.DEMO_HALL);
    }

    Instant at(int hour, int minute) {
        return ZonedDateTime.of(DAY, LocalTime.of(hour, minute), catalogue.zone()).toInstant();
    }

    @Test
    void priorityFromThirtyMinutesBeforeToFifteenAfterTheSlotStart() {
        assertThat(queue.withinWindow(tenOClock, at(9, 29))).isFalse();
        assertThat(queue.withinWindow(tenOClock, at(9, 30))).isTrue();
        assertThat(queue.withinWindow(tenOClock, at(10, 0))).isTrue();
        assertThat(queue.withinWindow(tenOClock, at(10, 15))).isTrue();
        assertThat(queue.withinWindow(tenOClock, at(10, 16))).isFalse();
    }

    @Test
    void estimatedWaitSharesThePeopleAheadAmongTheCounters() {
        ServiceDefinition passports = catalogue.service("exit-entry").orElseThrow(); // 8 min each
        assertThat(QueueService.estimatedWait(passports, 0, 3)).isEqualTo(Duration.ZERO);
        assertThat(QueueService.estimatedWait(passports, 1, 3)).isEqualTo(Duration.ofMinutes(3));
        assertThat(QueueService.estimatedWait(passports, 6, 3)).isEqualTo(Duration.ofMinutes(16));
        assertThat(QueueService.estimatedWait(passports, 2, 0)).isEqualTo(Duration.ofMinutes(16));
    }
}
