package org.openkiosk.device.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class StatusRepliesTest {

    @Test
    void allClearIsReady() throws Exception {
        assertThat(StatusReplies.parse(0x12, 0x12, 0x12, 0x12)).isEqualTo(PrinterStatus.READY);
    }

    @Test
    void offlinePrinterOutOfPaperAnswers1A327E() throws Exception {
        // the documented reply of an offline printer out of paper to DLE EOT 1, 2 and 4
        PrinterStatus s = StatusReplies.parse(0x1A, 0x32, -1, 0x7E);
        assertThat(s.online()).isFalse();
        assertThat(s.paper()).isEqualTo(PaperLevel.EMPTY);
        assertThat(s.coverOpen()).isFalse();
        assertThat(s.cutterError()).isFalse();
        assertThat(s.canPrint()).isFalse();
    }

    @Test
    void eachPaperBitCountsOnItsOwn() throws Exception {
        assertThat(StatusReplies.parse(0x12, 0x12, 0x12, 0x16).paper()).isEqualTo(PaperLevel.NEAR_END);  // bit 2 only
        assertThat(StatusReplies.parse(0x12, 0x12, 0x12, 0x1A).paper()).isEqualTo(PaperLevel.NEAR_END);  // bit 3 only
        assertThat(StatusReplies.parse(0x12, 0x12, 0x12, 0x32).paper()).isEqualTo(PaperLevel.EMPTY);     // bit 5 only
        assertThat(StatusReplies.parse(0x12, 0x12, 0x12, 0x52).paper()).isEqualTo(PaperLevel.EMPTY);     // bit 6 only
        assertThat(StatusReplies.parse(0x12, 0x32, 0x12, 0x12).paper()).isEqualTo(PaperLevel.EMPTY);     // stopped: paper end
        assertThat(StatusReplies.parse(0x12, 0x12, 0x12, 0x1E).canPrint()).isTrue();
    }

    @Test
    void coverCutterAndErrors() throws Exception {
        assertThat(StatusReplies.parse(0x1A, 0x16, 0x12, 0x12).coverOpen()).isTrue();
        PrinterStatus cutter = StatusReplies.parse(0x1A, 0x52, 0x1A, 0x12);
        assertThat(cutter.cutterError()).isTrue();
        assertThat(cutter.unrecoverable()).isFalse();
        assertThat(StatusReplies.parse(0x12, 0x12, 0x32, 0x12).unrecoverable()).isTrue();
        assertThat(StatusReplies.parse(0x12, 0x12, 0x52, 0x12).autoRecoverable()).isTrue();
    }

    @Test
    void bytesOutsideTheReplyPatternAreTypedErrors() {
        assertThatThrownBy(() -> StatusReplies.parse(0x00, 0x12, 0x12, 0x12))
                .isInstanceOf(EscPosProtocolException.class).hasMessageContaining("DLE EOT 1");
        assertThatThrownBy(() -> StatusReplies.parse(0x12, 0x12, 0x12, 0x92))
                .isInstanceOf(EscPosProtocolException.class).hasMessageContaining("0x92");
    }

    @Test
    void paperSensorReplies() throws Exception {
        assertThat(StatusReplies.parsePaperSensor(0x00)).isEqualTo(PaperLevel.OK);
        assertThat(StatusReplies.parsePaperSensor(0x03)).isEqualTo(PaperLevel.NEAR_END);
        assertThat(StatusReplies.parsePaperSensor(0x0C)).isEqualTo(PaperLevel.EMPTY);
        assertThatThrownBy(() -> StatusReplies.parsePaperSensor(0x12)).isInstanceOf(EscPosProtocolException.class);
    }

    @Test
    void fuzzedRepliesEitherParseOrFailTyped() {
        Random random = new Random(42);
        int parsed = 0;
        for (int i = 0; i < 20_000; i++) {
            int[] b = {random.nextInt(256), random.nextInt(256), random.nextInt(256), random.nextInt(256)};
            try {
                PrinterStatus s = StatusReplies.parse(b[0], b[1], b[2], b[3]);
                assertThat(s.paper()).isNotNull();
                parsed++;
            } catch (EscPosProtocolException expected) {
                assertThat(expected.getMessage()).contains("DLE EOT");
            }
            try {
                StatusReplies.parsePaperSensor(b[0]);
            } catch (EscPosProtocolException expected) {
                assertThat(expected.getMessage()).contains("GS r");
            }
        }
        // 1 in 16 bytes matches 0xx1xx10, so about (1/16)^4 of the tuples parse; the pattern must not be too lax
        assertThat(parsed).isLessThan(20);
    }
}
