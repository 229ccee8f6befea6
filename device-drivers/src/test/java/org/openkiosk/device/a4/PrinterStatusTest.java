package org.openkiosk.device.a4;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrinterStatusTest {

    private static PrinterStatus status(int state, String... reasons) {
        return new PrinterStatus(state, List.of(reasons), "", true);
    }

    @Test
    void conditionsThatNeedAPersonBlockThePrint() {
        assertThat(status(PrinterStatus.STOPPED, "media-empty-error").blockingCondition()).contains(PrintStatus.OUT_OF_PAPER);
        assertThat(status(PrinterStatus.PROCESSING, "media-needed").blockingCondition()).contains(PrintStatus.OUT_OF_PAPER);
        assertThat(status(PrinterStatus.STOPPED, "paused", "media-jam-error").blockingCondition()).contains(PrintStatus.PAPER_JAM);
        assertThat(status(PrinterStatus.STOPPED, "door-open").blockingCondition()).contains(PrintStatus.COVER_OPEN);
        assertThat(status(PrinterStatus.STOPPED, "paused").blockingCondition()).contains(PrintStatus.PRINTER_STOPPED);
        assertThat(status(PrinterStatus.STOPPED).blockingCondition()).contains(PrintStatus.PRINTER_STOPPED);
    }

    @Test
    void warningsAndReportsDoNotBlock() {
        assertThat(status(PrinterStatus.PROCESSING, "media-low-warning", "toner-low-report").blockingCondition()).isEmpty();
        assertThat(status(PrinterStatus.IDLE).blockingCondition()).isEmpty();
    }
}
