package org.openkiosk.device.idcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openkiosk.device.idcard.sim.SimScenario;
import org.openkiosk.device.transport.TransportUri;

class IdCardReadersTest {

    @Test
    void simUriGivesAWorkingReaderOverARealPty() throws Exception {
        IdCardReader reader = IdCardReaders.create("idReader", "ga467", TransportUri.parse("sim:card-present?cardType=J"));
        try {
            assertThat(reader.description()).startsWith("ga467 simulator (card-present) on /dev/pts/");
            reader.open();
            assertThat(reader.readOnce(Duration.ofSeconds(3)).orElseThrow().cardType()).isEqualTo(CardType.HK_MACAO_TAIWAN_PERMIT);
        } finally {
            reader.close();
        }
    }

    @Test
    void demoHandleControlsTheSimulatedCard() throws Exception {
        IdCardReaders.Simulated sim = IdCardReaders.createSimulated("idReader", SimScenario.NO_CARD, CardType.RESIDENT);
        try {
            sim.reader().open();
            assertThat(sim.reader().readOnce(Duration.ofMillis(200))).isEmpty();
            sim.simulator().placeCard();
            assertThat(sim.reader().readOnce(Duration.ofSeconds(2))).isPresent();
        } finally {
            sim.reader().close();
        }
    }

    @Test
    void theSimulatorCountsTheNoCardAnswersThatTellAHostTheCardIsGone() throws Exception {
        IdCardReaders.Simulated sim = IdCardReaders.createSimulated("idReader", SimScenario.CARD_PRESENT, CardType.RESIDENT,
                IdCardReader.Settings.defaults().withPollInterval(Duration.ofMillis(20)));
        try {
            sim.reader().open();
            assertThat(sim.reader().settings().pollInterval()).isEqualTo(Duration.ofMillis(20));
            assertThat(sim.reader().readOnce(Duration.ofSeconds(3))).isPresent();
            assertThat(sim.simulator().answeredNoCard()).isZero();
            sim.simulator().removeCard();
            assertThat(sim.reader().readOnce(Duration.ofMillis(100))).isEmpty();
            assertThat(sim.simulator().answeredNoCard()).isPositive();
        } finally {
            sim.reader().close();
        }
        assertThatThrownBy(() -> IdCardReader.Settings.defaults().withPollInterval(Duration.ZERO))
                .hasMessageContaining("must be positive");
    }

    @Test
    void wrongCombinationsAreExplained() {
        assertThatThrownBy(() -> IdCardReaders.create("r", "ga467", TransportUri.parse("tcp://127.0.0.1:9100")))
                .hasMessageContaining("driver ga467 needs a serial: or sim: URI");
        assertThatThrownBy(() -> IdCardReaders.create("r", "sdtapi", TransportUri.parse("serial:/dev/ttyS0")))
                .hasMessageContaining("sdtapi:/path/lib.so?port=N");
        assertThatThrownBy(() -> IdCardReaders.create("r", "termb", TransportUri.parse("serial:/dev/ttyS0")))
                .hasMessageContaining("known: ga467, sdtapi");
        assertThatThrownBy(() -> IdCardReaders.create("r", "ga467", TransportUri.parse("sim:sideways")))
                .hasMessageContaining("unknown scenario \"sideways\"");
        assertThatThrownBy(() -> CardType.parse("Z")).hasMessageContaining("unknown card type \"Z\"");
    }
}
