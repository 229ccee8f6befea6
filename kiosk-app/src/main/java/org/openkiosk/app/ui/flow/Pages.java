package org.openkiosk.app.ui.flow;

import java.util.List;

/** Splits a list into pages of at most {@code size} items (elder mode shows fewer choices per screen). */
public record Pages<T>(List<T> items, int size) {

    public Pages {
        items = List.copyOf(items);
        if (size < 1) {
            throw new IllegalArgumentException("a page holds at least one item, not " + size);
        }
    }

    public int count() {
        return Math.max(1, (items.size() + size - 1) / size);
    }

    /** Items of page {@code index} (0-based, clamped to the last page). */
    public List<T> page(int index) {
        int p = Math.max(0, Math.min(index, count() - 1));
        return items.subList(Math.min(items.size(), p * size), Math.min(items.size(), (p + 1) * size));
    }
}
