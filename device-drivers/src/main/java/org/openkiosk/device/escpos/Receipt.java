package org.openkiosk.device.escpos;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A receipt as services describe it (appointment slips, queue tickets), independent of paper width and printer.
 * {@link ReceiptWriter} lays it out for a paper width and encodes it.
 */
public record Receipt(List<Element> elements) {

    public Receipt {
        elements = List.copyOf(elements);
        if (elements.isEmpty()) {
            throw new IllegalArgumentException("a receipt needs at least one element");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether the receipt ends with (or contains) a cut. */
    public boolean cuts() {
        return elements.stream().anyMatch(e -> e instanceof Cut);
    }

    /** One part of a receipt. */
    public sealed interface Element permits Title, Line, KeyValue, Qr, Divider, Feed, Cut {}

    /** Large, bold, centred. */
    public record Title(String text) implements Element {}

    public record Line(String text, Alignment alignment, boolean bold) implements Element {}

    /** Key on the left, value on the right (on its own line when both do not fit). */
    public record KeyValue(String key, String value) implements Element {}

    public record Qr(String payload, int moduleSize) implements Element {}

    public record Divider() implements Element {}

    public record Feed(int lines) implements Element {}

    public record Cut(int feedLines) implements Element {}

    public static final class Builder {
        private final List<Element> elements = new ArrayList<>();

        public Builder title(String text) {
            elements.add(new Title(Objects.requireNonNull(text)));
            return this;
        }

        public Builder line(String text) {
            return line(text, Alignment.LEFT, false);
        }

        public Builder centred(String text) {
            return line(text, Alignment.CENTRE, false);
        }

        public Builder line(String text, Alignment alignment, boolean bold) {
            elements.add(new Line(Objects.requireNonNull(text), alignment, bold));
            return this;
        }

        public Builder keyValue(String key, String value) {
            elements.add(new KeyValue(Objects.requireNonNull(key), Objects.requireNonNull(value)));
            return this;
        }

        public Builder qr(String payload) {
            return qr(payload, 6);
        }

        public Builder qr(String payload, int moduleSize) {
            elements.add(new Qr(Objects.requireNonNull(payload), moduleSize));
            return this;
        }

        public Builder divider() {
            elements.add(new Divider());
            return this;
        }

        public Builder feed(int lines) {
            elements.add(new Feed(lines));
            return this;
        }

        /** Feeds the last line past the blade and cuts. */
        public Builder cut() {
            elements.add(new Cut(3));
            return this;
        }

        public Receipt build() {
            return new Receipt(elements);
        }
    }
}
