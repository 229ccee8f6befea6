package org.openkiosk.app.service.platform;

import java.util.List;

/** A service hall and its counters. */
public record Hall(String id, String nameZh, String nameEn, String addressZh, List<Counter> counters) {

    public Hall {
        counters = List.copyOf(counters);
    }

    /** @param counterType which queue this counter serves */
    public record Counter(String counterNo, String counterType) {}

    public long countersOfType(String counterType) {
        return counters.stream().filter(c -> c.counterType().equals(counterType)).count();
    }
}
