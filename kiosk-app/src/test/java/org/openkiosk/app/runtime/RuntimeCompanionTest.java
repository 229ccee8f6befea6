package org.openkiosk.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.config.ConfigLoader;
import org.openkiosk.app.config.KioskConfig;

/**
 * What the runtime starts beside itself without knowing it (the fleet link, ADR 0133): started once the runtime is
 * up, closed (once) when it closes, and a companion that fails to start does not stop the kiosk.
 */
class RuntimeCompanionTest {

    @TempDir
    Path tmp;

    @Test
    void aCompanionStartsWithTheRunningRuntimeAndIsClosedFirst() throws Exception {
        Path configDir = RuntimeFixtures.copyOfRepositoryConfig(tmp.resolve("config"));
        KioskConfig config = ConfigLoader.load(configDir);
        List<String> seen = new CopyOnWriteArrayList<>();
        DefaultKioskRuntime runtime = DefaultKioskRuntime.start(config, configDir, tmp.resolve("data"), true,
                Clock.systemUTC(), started -> {
                    seen.add("started with " + started.config().kiosk().id());
                    return Optional.of(() -> seen.add("closed"));
                });
        assertThat(seen).containsExactly("started with K-0101");
        runtime.close();
        runtime.close();

        assertThat(seen).containsExactly("started with K-0101", "closed");
    }

    @Test
    void aCompanionThatFailsToStartDoesNotStopTheKiosk() throws Exception {
        Path configDir = RuntimeFixtures.copyOfRepositoryConfig(tmp.resolve("config"));
        KioskConfig config = ConfigLoader.load(configDir);
        try (DefaultKioskRuntime runtime = DefaultKioskRuntime.start(config, configDir, tmp.resolve("data"), true,
                Clock.systemUTC(), started -> {
                    throw new IOException("broker unreachable");
                })) {
            assertThat(runtime.deviceProblems()).isEmpty();
        }
    }
}
