package org.openkiosk.app.service.catalogue;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Set;

/**
 * When a service takes appointments.
 *
 * @param days        working days, e.g. {@code [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY]}
 * @param periods     periods of a working day, e.g. {@code ["09:00-12:00", "13:30-17:00"]}
 * @param closedDates holidays and other closed days, ISO dates
 */
public record WorkingPlan(Set<DayOfWeek> days, List<String> periods, List<java.time.LocalDate> closedDates) {

    public WorkingPlan {
        days = days == null ? Set.of() : Set.copyOf(days);
        periods = periods == null ? List.of() : List.copyOf(periods);
        closedDates = closedDates == null ? List.of() : List.copyOf(closedDates);
    }

    public List<TimeRange> timeRanges() {
        return periods.stream().map(TimeRange::parse).toList();
    }
}
