package org.openkiosk.app.store.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the operator reads in the STORE_UNREACHABLE alarm. */
class ShipperStatusTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void saysSinceWhenInLocalTimeAndHowManyRecordsWait() {
        ShipperStatus outage = new ShipperStatus(Optional.of(Instant.parse("2026-12-01T18:00:00Z")), 37,
                Optional.empty());
        assertThat(outage.describe(SHANGHAI)).isEqualTo("store unreachable since 2026-12-02 02:00, 37 records waiting");
        assertThat(new ShipperStatus(Optional.of(Instant.parse("2026-12-01T18:00:00Z")), -1, Optional.empty())
                .describe(SHANGHAI)).endsWith("an unknown number of records waiting");
        assertThat(new ShipperStatus(Optional.empty(), 1, Optional.empty()).describe(SHANGHAI))
                .isEqualTo("store reachable, 1 record waiting");
    }
}
