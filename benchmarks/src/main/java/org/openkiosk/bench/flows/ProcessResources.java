package org.openkiosk.bench.flows;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What a long run could leak, read at one moment: heap used after full GCs, resident memory, live threads and open
 * file descriptors (sockets and pseudo-terminals included). Linux ({@code /proc/self}); a figure that cannot be read
 * is -1.
 */
record ProcessResources(long heapAfterGcBytes, long residentBytes, int threads, long openFiles, long heapCommittedBytes,
                        long nonHeapCommittedBytes) {

    static ProcessResources now() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200); // lets reference processing and finalisation settle; a benchmark, not a test
        }
        var memory = ManagementFactory.getMemoryMXBean();
        long heap = memory.getHeapMemoryUsage().getUsed();
        return new ProcessResources(heap, readResident(), ManagementFactory.getThreadMXBean().getThreadCount(),
                countOpenFiles(), memory.getHeapMemoryUsage().getCommitted(), memory.getNonHeapMemoryUsage().getCommitted());
    }

    private static long readResident() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024).orElse(-1L);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long countOpenFiles() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Names of the live threads and targets of the open file descriptors, to name what a count's change is. */
    static java.util.List<String> threadsAndFiles() {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            names.add("thread " + t.getName().replaceAll("[0-9]+", "N"));
        }
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    names.add("fd " + Files.readSymbolicLink(fd).toString().replaceAll("[0-9]+", "N"));
                } catch (IOException e) {
                    // closed meanwhile (the listing's own descriptor)
                }
            }
        } catch (IOException e) {
            names.add("fd (not listable: " + e.getMessage() + ")");
        }
        java.util.Collections.sort(names);
        return names;
    }

    /** What is in {@code end} and not in {@code start} ("+ …") and the reverse ("- …"), as multisets. */
    static String difference(java.util.List<String> start, java.util.List<String> end) {
        java.util.List<String> added = new java.util.ArrayList<>(end);
        java.util.List<String> removed = new java.util.ArrayList<>(start);
        for (String s : start) {
            added.remove(s);
        }
        for (String s : end) {
            removed.remove(s);
        }
        StringBuilder b = new StringBuilder();
        added.forEach(a -> b.append("  + ").append(a).append('\n'));
        removed.forEach(r -> b.append("  - ").append(r).append('\n'));
        return b.length() == 0 ? "  (the same)\n" : b.toString();
    }

    /** Column heads for {@link #sample()}. */
    static final String SAMPLE_HEADER = "heap after GC (MB)  VmRSS (MB)  threads  fds  heap committed (MB)"
            + "  non-heap committed (MB: metaspace, code cache)";

    /** The four figures on one line, under {@link #SAMPLE_HEADER}: a series of them shows a trend. */
    String sample() {
        return String.format(Locale.ROOT, "%18.1f  %10.1f  %7d  %3d  %19.1f  %8.1f", mb(heapAfterGcBytes),
                mb(residentBytes), threads, openFiles, mb(heapCommittedBytes), mb(nonHeapCommittedBytes));
    }

    /** One line per measure, start → end with the change (heap also in percent). */
    static String compare(ProcessResources start, ProcessResources end) {
        return String.format(Locale.ROOT, "heap used after full GC: start %.1f MB, end %.1f MB (%+.1f MB, %+.1f %%)%n"
                        + "resident memory (VmRSS): start %.1f MB, end %.1f MB (%+.1f MB)%n"
                        + "live threads: start %d, end %d (%+d)%n"
                        + "open file descriptors: start %d, end %d (%+d)%n"
                        + "heap committed: start %.1f MB, end %.1f MB; non-heap committed: start %.1f MB, end %.1f MB",
                mb(start.heapAfterGcBytes), mb(end.heapAfterGcBytes), mb(end.heapAfterGcBytes - start.heapAfterGcBytes),
                100.0 * (end.heapAfterGcBytes - start.heapAfterGcBytes) / start.heapAfterGcBytes,
                mb(start.residentBytes), mb(end.residentBytes), mb(end.residentBytes - start.residentBytes),
                start.threads, end.threads, end.threads - start.threads,
                start.openFiles, end.openFiles, end.openFiles - start.openFiles,
                mb(start.heapCommittedBytes), mb(end.heapCommittedBytes), mb(start.nonHeapCommittedBytes),
                mb(end.nonHeapCommittedBytes));
    }

    private static double mb(long bytes) {
        return bytes / 1048576.0;
    }
}
