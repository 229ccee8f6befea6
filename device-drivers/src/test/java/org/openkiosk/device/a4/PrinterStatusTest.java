package org.openkiosk.device.a4;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrinterStatusTest {

    private static PrinterStatus status(PrinterState state, String... reasons) {
        return new PrinterStatus(state, List.of(reasons), "", true);
    }

    @Test
    void conditionsThatNeedAPersonBlockThePrint() {
        assertThat(status(PrinterState.STOPPED, "media-empty-error").blockingCondition()).contains(PrintStatus.OUT_OF_PAPER);
        assertThat(status(PrinterState.PROCESSING, "media-needed").blockingCondition()).contains(PrintStatus.OUT_OF_PAPER);
        assertThat(status(PrinterState.STOPPED, "paused", "media-jam-error").blockingCondition()).contains(PrintStatus.PAPER_JAM);
        assertThat(status(PrinterState.STOPPED, "door-open").blockingCondition()).contains(PrintStatus.COVER_OPEN);
        assertThat(status(PrinterState.STOPPED, "paused").blockingCondition()).contains(PrintStatus.PRINTER_STOPPED);
        assertThat(status(PrinterState.STOPPED).blockingCondition()).contains(PrintStatus.PRINTER_STOPPED);
    }

    @Test
    void warningsAndReportsDoNotBlock() {
        assertThat(status(PrinterState.PROCESSING, "media-low-warning", "toner-low-report").blockingCondition()).isEmpty();
        assertThat(status(PrinterState.IDLE).blockingCondition()).isEmpty();
    }
}
