package org.openkiosk.app.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.openkiosk.device.HealthStatus;
import org.openkiosk.device.RecommendedAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data disk as a required "device" named {@value #NAME}: below {@link #MIN_FREE_BYTES} free, no new citizen
 * session starts (the home screen shows out of service with {@code E-DEV-disk}) so that a session never fails
 * half-way to write its records; a session already running finishes. Measured off the JavaFX thread by the
 * device loop; {@link #problem()} only reads the last measurement. The transition is logged with the marker
 * {@code DISK_LOW} / {@code DISK_OK} for alarms.
 */
public final class DiskSpaceGuard {

    public static final String NAME = "disk";
    /** The store, logs and a day of audit records fit many times in this. */
    public static final long MIN_FREE_BYTES = 512L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(DiskSpaceGuard.class);

    private final Path dataDir;
    private final long minFreeBytes;
    private final ToLongFunction<Path> usableBytes;
    private volatile DeviceProblem problem;

    public DiskSpaceGuard(Path dataDir, long minFreeBytes, ToLongFunction<Path> usableBytes) {
        this.dataDir = dataDir;
        this.minFreeBytes = minFreeBytes;
        this.usableBytes = usableBytes;
    }

    public static DiskSpaceGuard of(Path dataDir) {
        return new DiskSpaceGuard(dataDir, MIN_FREE_BYTES, DiskSpaceGuard::usableSpace);
    }

    /** Measures now (disk I/O: the device loop, never the JavaFX thread). */
    public Optional<DeviceProblem> check() {
        long free = usableBytes.applyAsLong(dataDir);
        DeviceProblem before = problem;
        if (free >= 0 && free < minFreeBytes) {
            problem = new DeviceProblem(NAME, HealthStatus.error("the data disk is nearly full: " + mb(free)
                    + " MB free of the " + mb(minFreeBytes) + " MB needed in " + dataDir, RecommendedAction.CALL_MAINTENANCE));
            if (before == null) {
                LOG.error("DISK_LOW {} MB free in {}: no new sessions until space is freed", mb(free), dataDir);
            }
        } else {
            problem = null;
            if (before != null) {
                LOG.warn("DISK_OK {} MB free in {}: sessions allowed again", mb(free), dataDir);
            }
        }
        return Optional.ofNullable(problem);
    }

    /** The last measurement's problem; no I/O. */
    public Optional<DeviceProblem> problem() {
        return Optional.ofNullable(problem);
    }

    private static long usableSpace(Path dir) {
        try {
            return Files.getFileStore(dir.toAbsolutePath()).getUsableSpace();
        } catch (IOException e) {
            LOG.warn("cannot measure free space in {}: {}", dir, e.getMessage());
            return -1; // unknown is not "full": the store reports real write failures itself
        }
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }
}
