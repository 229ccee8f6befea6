package org.openkiosk.device.idcard;

import java.time.LocalDate;
import java.util.Optional;

/** The end of a card's validity: a date, or 长期 (long-term, no expiry) for cards of citizens aged 46 and over. */
public record ValidUntil(LocalDate date) {

    public static final String LONG_TERM_TEXT = "长期";
    public static final ValidUntil LONG_TERM = new ValidUntil(null);

    public static ValidUntil of(LocalDate date) {
        return new ValidUntil(java.util.Objects.requireNonNull(date, "date"));
    }

    public boolean isLongTerm() {
        return date == null;
    }

    public Optional<LocalDate> asDate() {
        return Optional.ofNullable(date);
    }

    /** True when the card is no longer valid on {@code today} (the end date itself is still valid). */
    public boolean isExpiredOn(LocalDate today) {
        return date != null && today.isAfter(date);
    }

    /** ISO date, or {@code 长期}. */
    @Override
    public String toString() {
        return date == null ? LONG_TERM_TEXT : date.toString();
    }
}
