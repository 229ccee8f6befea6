package org.openkiosk.bench.flows;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The live-object class histogram of this JVM, as {@code jcmd PID GC.class_histogram} prints it (the diagnostic
 * command runs a full GC first, so only reachable objects are counted). Two of them taken during a soak and
 * compared show which classes grow with the number of sessions.
 */
final class ClassHistogram {

    private ClassHistogram() {}

    /** Pause between the two histograms, for the reference handler and cleaner threads (not a test: a benchmark). */
    private static final long SETTLE_MILLIS = 2_000;

    /**
     * Writes {@code DIR/histogram-NAME.txt}; does nothing when {@code dir} is null. The histogram is taken twice:
     * the first full GC finds what died since the last one, but its cleaners (JNA's {@code MemoryDisposer},
     * {@code java.lang.ref.Cleaner} actions) run only afterwards on their own threads, so a histogram taken at once
     * counts them as live; the second one, after a pause, counts what really stays. With
     * {@code -Dbench.heapDumps=true} it also writes {@code DIR/heap-NAME.hprof} (live objects) next to it.
     */
    static void write(Path dir, String name) throws IOException {
        if (dir == null) {
            return;
        }
        histogram();
        try {
            Thread.sleep(SETTLE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        Files.writeString(dir.resolve("histogram-" + name + ".txt"), histogram(), StandardCharsets.UTF_8);
        if (Boolean.getBoolean("bench.heapDumps")) {
            // live objects only (a full GC first), for finding who holds what grows (BENCHMARKS.md, soak)
            ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .dumpHeap(dir.resolve("heap-" + name + ".hprof").toString(), true);
        }
    }

    private static String histogram() throws IOException {
        try {
            return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
        } catch (JMException e) {
            throw new IOException("GC.class_histogram failed: " + e, e);
        }
    }
}
