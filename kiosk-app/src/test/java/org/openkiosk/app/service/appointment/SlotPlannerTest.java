package org.openkiosk.app.service.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openkiosk.app.service.catalogue.AppointmentRules;
import org.openkiosk.app.service.catalogue.WorkingPlan;

class SlotPlannerTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    static final LocalDate HOLIDAY = LocalDate.of(2026, 11, 25);

    final SlotPlanner planner = new SlotPlanner(new AppointmentRules(45, 3, 120, 60, 7,
            new WorkingPlan(Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY),
                    List.of("09:00-11:30", "13:30-15:00"), List.of(HOLIDAY))), ZONE);

    static Instant at(LocalDate date, int hour, int minute) {
        return ZonedDateTime.of(date, LocalTime.of(hour, minute), ZONE).toInstant();
    }

    @Test
    void onlyWholeSlotsInsideEachPeriod() {
        assertThat(planner.slotStarts(MONDAY)).containsExactly(LocalTime.of(9, 0), LocalTime.of(9, 45),
                LocalTime.of(10, 30), LocalTime.of(13, 30), LocalTime.of(14, 15));
        assertThat(planner.endOf(LocalTime.of(14, 15))).isEqualTo(LocalTime.of(15, 0));
    }

    @Test
    void noSlotsOnRestDaysOrClosedDates() {
        assertThat(planner.slotStarts(MONDAY.plusDays(5))).isEmpty(); // Saturday
        assertThat(planner.slotStarts(HOLIDAY)).isEmpty();
    }

    @Test
    void leadTimeAndCutOff() {
        Instant eight = at(MONDAY, 8, 0);
        // 09:00 is within the cut-off (60 min) only from 08:00:00+; at exactly 08:00 the lead time refuses it
        assertThat(reason(MONDAY, LocalTime.of(9, 0), eight)).contains(AppointmentException.Reason.LEAD_TIME);
        assertThat(reason(MONDAY, LocalTime.of(9, 0), at(MONDAY, 8, 30))).contains(AppointmentException.Reason.CUT_OFF);
        assertThat(reason(MONDAY, LocalTime.of(10, 30), eight)).isEmpty();
        assertThat(reason(MONDAY, LocalTime.of(9, 45), eight)).contains(AppointmentException.Reason.LEAD_TIME);
    }

    @Test
    void unknownStartAndBeyondTheHorizonAreRefused() {
        Instant eight = at(MONDAY, 8, 0);
        assertThat(reason(MONDAY, LocalTime.of(10, 0), eight)).contains(AppointmentException.Reason.NOT_OFFERED);
        assertThat(reason(MONDAY.plusDays(7), LocalTime.of(10, 30), eight))
                .contains(AppointmentException.Reason.BEYOND_HORIZON);
        assertThat(reason(MONDAY.plusDays(2).plusDays(0), LocalTime.of(10, 30), eight))
                .contains(AppointmentException.Reason.NOT_OFFERED); // the closed Wednesday
        assertThat(reason(MONDAY.plusDays(1), LocalTime.of(10, 30), eight)).isEmpty();
    }

    @Test
    void changesCloseAtTheCutOff() {
        assertThat(planner.refusalToChange(MONDAY, LocalTime.of(10, 30), at(MONDAY, 9, 30))).isEmpty();
        assertThat(planner.refusalToChange(MONDAY, LocalTime.of(10, 30), at(MONDAY, 9, 31)))
                .hasValueSatisfying(e -> assertThat(e.reason()).isEqualTo(AppointmentException.Reason.CUT_OFF));
    }

    private Optional<AppointmentException.Reason> reason(LocalDate date, LocalTime start, Instant now) {
        return planner.refusalToBook(date, start, now).map(AppointmentException::reason);
    }
}
