package org.openkiosk.app.service.catalogue;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/** A working period of a day, written {@code 09:00-12:00} in the catalogue. */
public record TimeRange(LocalTime start, LocalTime end) {

    public TimeRange {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("period must end after it starts: " + start + "-" + end);
        }
    }

    public static TimeRange parse(String text) {
        String[] parts = text == null ? new String[0] : text.strip().split("\\s*-\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("period '" + text + "' must look like 09:00-12:00");
        }
        try {
            return new TimeRange(LocalTime.parse(parts[0]), LocalTime.parse(parts[1]));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("period '" + text + "' must look like 09:00-12:00", e);
        }
    }
}
