package org.openkiosk.app.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceStatePersistenceTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T23:40:00Z"), ZoneOffset.UTC);

    @TempDir
    Path data;

    @Test
    void outOfServiceSurvivesARestartAndBackInServiceToo() {
        ServiceState state = ServiceState.persistent(data, clock);
        assertThat(state).isSameAs(ServiceState.persistent(data, clock));
        state.takeOutOfService("printer repair", "operator:duty-1");

        ServiceState afterRestart = ServiceState.reread(data, clock);
        assertThat(afterRestart.outOfService()).hasValueSatisfying(o -> {
            assertThat(o.reason()).isEqualTo("printer repair");
            assertThat(o.by()).isEqualTo("operator:duty-1");
            assertThat(o.since()).isEqualTo(clock.instant());
        });

        state.backInService();
        assertThat(ServiceState.reread(data, clock).inService()).isTrue();
        assertThat(data.resolve(ServiceState.FILE)).doesNotExist();
    }

    @Test
    void aDamagedFileKeepsTheKioskOutOfService() throws Exception {
        Files.writeString(data.resolve(ServiceState.FILE), "{not json");
        assertThat(ServiceState.reread(data, clock).inService()).isFalse();
    }
}
