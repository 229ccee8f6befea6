package org.openkiosk.app.service.queue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The hall store's decline reasons (ADR 0173, {@code hall_record_declined.reason}) as the citizen's outcome. */
class CheckInDeclineReasonTest {

    @Test
    void onlyACheckInElsewhereIsCalledOne() {
        assertThat(QueueService.declinedBecause("booking CHECKED_IN"))
                .isEqualTo(CheckInException.Reason.CHECKED_IN_ELSEWHERE);
        assertThat(QueueService.declinedBecause("booking CANCELLED")).isEqualTo(CheckInException.Reason.CANCELLED);
        assertThat(QueueService.declinedBecause("booking NOT_FOUND"))
                .isEqualTo(CheckInException.Reason.NO_BOOKING_TODAY);
        assertThat(QueueService.declinedBecause("")).isEqualTo(CheckInException.Reason.NO_BOOKING_TODAY);
    }
}
