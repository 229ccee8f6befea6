package org.openkiosk.app.service.appointment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openkiosk.app.service.catalogue.AppointmentRules;
import org.openkiosk.app.service.catalogue.TimeRange;

/** The slot rules of one service: which slots exist, and which of them can be booked or changed now. */
public final class SlotPlanner {

    private final AppointmentRules rules;
    private final ZoneId zone;

    public SlotPlanner(AppointmentRules rules, ZoneId zone) {
        this.rules = rules;
        this.zone = zone;
    }

    /** Slot start times on {@code date}: none on a non-working or closed day; whole slots inside each period. */
    public List<LocalTime> slotStarts(LocalDate date) {
        if (!rules.workingPlan().days().contains(date.getDayOfWeek())
                || rules.workingPlan().closedDates().contains(date)) {
            return List.of();
        }
        List<LocalTime> starts = new ArrayList<>();
        int length = rules.slotMinutes();
        for (TimeRange period : rules.workingPlan().timeRanges()) {
            int last = period.end().toSecondOfDay() / 60;
            for (int minute = period.start().toSecondOfDay() / 60; minute + length <= last; minute += length) {
                starts.add(LocalTime.ofSecondOfDay(minute * 60L));
            }
        }
        return starts;
    }

    public Instant startInstant(LocalDate date, LocalTime start) {
        return ZonedDateTime.of(date, start, zone).toInstant();
    }

    /** Why a slot cannot be booked at {@code now}, or empty when it can. */
    public Optional<AppointmentException> refusalToBook(LocalDate date, LocalTime start, Instant now) {
        if (!slotStarts(date).contains(start)) {
            return Optional.of(new AppointmentException(AppointmentException.Reason.NOT_OFFERED,
                    "no slot starts at " + date + " " + start));
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        if (!date.isBefore(today.plusDays(rules.horizonDays()))) {
            return Optional.of(new AppointmentException(AppointmentException.Reason.BEYOND_HORIZON,
                    "appointments can be made up to " + rules.horizonDays() + " days ahead"));
        }
        Instant slotStart = startInstant(date, start);
        if (now.isAfter(slotStart.minus(rules.cutOff()))) {
            return Optional.of(new AppointmentException(AppointmentException.Reason.CUT_OFF,
                    "booking for this slot closed " + rules.cutOffMinutes() + " minutes before it starts"));
        }
        if (now.isAfter(slotStart.minus(rules.leadTime()))) {
            return Optional.of(new AppointmentException(AppointmentException.Reason.LEAD_TIME,
                    "the earliest bookable slot starts " + rules.leadTimeMinutes() + " minutes from now"));
        }
        return Optional.empty();
    }

    /** Why an existing booking can no longer be cancelled or moved at {@code now}, or empty. */
    public Optional<AppointmentException> refusalToChange(LocalDate date, LocalTime start, Instant now) {
        if (now.isAfter(startInstant(date, start).minus(rules.cutOff()))) {
            return Optional.of(new AppointmentException(AppointmentException.Reason.CUT_OFF,
                    "changes close " + rules.cutOffMinutes() + " minutes before the slot starts"));
        }
        return Optional.empty();
    }

    public LocalTime endOf(LocalTime start) {
        return start.plus(rules.slotLength());
    }

    public AppointmentRules rules() {
        return rules;
    }
}
