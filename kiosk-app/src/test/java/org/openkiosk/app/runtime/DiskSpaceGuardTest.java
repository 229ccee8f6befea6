package org.openkiosk.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.config.ConfigLoader;
import org.openkiosk.app.config.KioskConfig;

/**
 * A nearly full data disk is a required-device problem (E-DEV-disk): the home screen turns out of service so no
 * new session starts, and comes back once space is freed. The free space is fed by the test.
 */
class DiskSpaceGuardTest {

    private static final long MB = 1024 * 1024;

    @TempDir
    Path tmp;

    private final AtomicLong free = new AtomicLong(10_000 * MB);

    @Test
    void belowTheMinimumIsAProblemWithTheFreeSpaceInIt() {
        DiskSpaceGuard guard = new DiskSpaceGuard(tmp, 512 * MB, dir -> free.get());
        assertThat(guard.check()).isEmpty();
        free.set(100 * MB);
        assertThat(guard.problem()).as("no I/O: only the last measurement").isEmpty();
        DeviceProblem problem = guard.check().orElseThrow();
        assertThat(problem.code()).isEqualTo("E-DEV-disk");
        assertThat(problem.health().isUsable()).isFalse();
        assertThat(problem.health().text()).contains("100 MB free").contains("512 MB");
        free.set(600 * MB);
        assertThat(guard.check()).isEmpty();
    }

    @Test
    void anUnmeasurableDiskIsNotCalledFull() {
        assertThat(new DiskSpaceGuard(tmp, 512 * MB, dir -> -1).check()).isEmpty();
    }

    @Test
    void theRealRuntimeStopsNewSessionsWhileTheDiskIsNearlyFull() throws Exception {
        Path configDir = RuntimeFixtures.copyOfRepositoryConfig(tmp.resolve("config"));
        KioskConfig demo = ConfigLoader.load(configDir);
        try (DefaultKioskRuntime runtime = DefaultKioskRuntime.start(demo, configDir, tmp.resolve("data"), true,
                Clock.systemDefaultZone())) {
            assertThat(runtime.deviceProblems()).isEmpty();
            free.set(1 * MB);
            runtime.guardDiskSpace(new DiskSpaceGuard(tmp.resolve("data"), 512 * MB, dir -> free.get()));
            assertThat(runtime.deviceProblems()).extracting(DeviceProblem::code).containsExactly("E-DEV-disk");
            free.set(2_000 * MB);
            runtime.guardDiskSpace(new DiskSpaceGuard(tmp.resolve("data"), 512 * MB, dir -> free.get()));
            assertThat(runtime.deviceProblems()).isEmpty();
        }
    }
}
