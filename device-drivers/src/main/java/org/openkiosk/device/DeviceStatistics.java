package org.openkiosk.device;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counters per device (reads, prints, cuts, scans, errors …), as UnifiedPOS statistics. Thread-safe. */
public final class DeviceStatistics {

    public static final String READS = "reads";
    public static final String PRINTS = "prints";
    public static final String CUTS = "cuts";
    public static final String SCANS = "scans";
    public static final String ERRORS = "errors";
    public static final String RECONNECTS = "reconnects";
    public static final String VERIFICATIONS = "verifications";
    public static final String MATCHES = "matches";

    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();

    public void increment(String counter) {
        add(counter, 1);
    }

    public void add(String counter, long delta) {
        counters.computeIfAbsent(counter, k -> new AtomicLong()).addAndGet(delta);
    }

    public long get(String counter) {
        AtomicLong value = counters.get(counter);
        return value == null ? 0 : value.get();
    }

    /** A sorted copy, for display and JSON output. */
    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counters.forEach((name, value) -> copy.put(name, value.get()));
        return copy;
    }
}
