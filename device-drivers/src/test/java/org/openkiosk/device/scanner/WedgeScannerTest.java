package org.openkiosk.device.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openkiosk.device.DeviceEvent;
import org.openkiosk.device.DeviceStatistics;

class WedgeScannerTest {

    private static final long MS = 1_000_000L;

    private static boolean type(WedgeScanner scanner, String keys, long t0, long gap) {
        boolean scan = false;
        long t = t0;
        for (char c : keys.toCharArray()) {
            scan |= scanner.keyTyped(c, t);
            t += gap;
        }
        return scan;
    }

    @Test
    void scansReachTheArmedScreenOnceAndTypingNever() throws Exception {
        try (WedgeScanner scanner = new WedgeScanner("scanner", new KeyboardWedgeDecoder())) {
            List<DeviceEvent> events = new ArrayList<>();
            scanner.addListener(events::add);
            List<String> got = new ArrayList<>();
            assertThat(type(scanner, "IGNORED-1\r", 0, 3 * MS)).as("not enabled yet").isFalse();

            scanner.open();
            scanner.claim();
            scanner.enable();
            scanner.arm(got::add);
            assertThat(type(scanner, "A012\r", 1_000 * MS, 150 * MS)).as("a person typing").isFalse();
            assertThat(scanner.isArmed()).isTrue();
            assertThat(type(scanner, "APPT:A012\r", 5_000 * MS, 4 * MS)).isTrue();
            assertThat(type(scanner, "APPT:B034\r", 6_000 * MS, 4 * MS)).isTrue();

            assertThat(got).containsExactly("APPT:A012");
            assertThat(scanner.statistics().get(DeviceStatistics.SCANS)).isEqualTo(2);
            assertThat(scanner.statistics().get(ScannerDevice.DROPPED)).isEqualTo(1);
            assertThat(events).filteredOn(e -> e instanceof DeviceEvent.Data).hasSize(1);

            scanner.arm(got::add);
            scanner.disable();
            assertThat(scanner.isArmed()).as("disabling disarms").isFalse();
        }
    }
}
