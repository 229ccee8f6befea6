package org.openkiosk.testsupport;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A full heap dump of this JVM and a search in it for secrets the test keeps only XOR-masked: a needle is unmasked
 * byte by byte while it is compared, so neither the test nor the search leaves a plain copy for the dump to find.
 * Shared by the tests that prove card bytes and camera frames are wiped.
 */
public final class HeapDump {

    /** Where needle {@code needle} (its index in the list searched for) was found. */
    public record Found(int needle, long offset) {}

    private static final long WINDOW = Integer.MAX_VALUE / 2;

    private HeapDump() {}

    /** Dumps every object, unreachable ones too (a copy waiting for the collector is still in memory). */
    public static Path write(Path file) throws IOException {
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(file.toString(), false);
        return file;
    }

    /**
     * Every needle found in {@code dump}, each needle XOR-masked with the start of {@code key} (at least as long as
     * the longest needle).
     */
    public static List<Found> search(Path dump, List<byte[]> maskedNeedles, byte[] key) throws IOException {
        List<Found> found = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(dump, StandardOpenOption.READ)) {
            long size = ch.size();
            for (long base = 0; base < size; base += WINDOW) {
                long length = Math.min(size - base, WINDOW + 4096); // overlapping: a needle across two windows
                MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, base, length);
                for (int n = 0; n < maskedNeedles.size(); n++) {
                    long at = indexOf(map, maskedNeedles.get(n), key);
                    if (at >= 0) {
                        found.add(new Found(n, base + at));
                    }
                }
            }
        }
        return found;
    }

    private static long indexOf(MappedByteBuffer map, byte[] masked, byte[] key) {
        int limit = map.limit() - masked.length;
        byte first = (byte) (masked[0] ^ key[0]);
        outer:
        for (int i = 0; i <= limit; i++) {
            if (map.get(i) != first) {
                continue;
            }
            for (int j = 1; j < masked.length; j++) {
                if ((byte) (map.get(i + j) ^ key[j]) != masked[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
