package org.openkiosk.device.idcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkiosk.device.idcard.sim.IdCardReaderSimulator;
import org.openkiosk.device.idcard.sim.SimScenario;
import org.openkiosk.device.idcard.sim.SyntheticCards;
import org.openkiosk.device.transport.PseudoTerminal;
import org.openkiosk.device.transport.SerialTransport;

/** The less common GA 467 commands, over a real pty against the simulator. */
class Ga467ModuleOverPtyTest {

    private PseudoTerminal pty;
    private IdCardReaderSimulator simulator;
    private SerialTransport serial;
    private Ga467Module module;

    @BeforeEach
    void plugIn() throws Exception {
        pty = PseudoTerminal.open();
        simulator = new IdCardReaderSimulator(pty.master(), SimScenario.CARD_PRESENT, SyntheticCards.foreigner2017()).start();
        serial = SerialTransport.of(pty.slavePath(), 115200);
        module = new Ga467Module(serial, 115200);
        module.open();
    }

    @AfterEach
    void unplug() {
        module.close();
        simulator.close();
        pty.close();
    }

    @Test
    void resetStatusAndSamId() throws Exception {
        module.reset();
        module.checkStatus();
        assertThat(module.samId()).hasSize(16);
        assertThat(simulator.received("RESET")).isEqualTo(1);
        assertThat(simulator.received("SAM_ID")).isEqualTo(1);
    }

    @Test
    void readWithFingerprintsOnACardWithout() throws Exception {
        assertThat(module.findCard()).isTrue();
        module.selectCard();
        CardBlocks blocks = module.readCardWithFingerprints();
        assertThat(blocks.fingerprints()).isEmpty();
        assertThat(blocks.toIdCard().cardType()).isEqualTo(CardType.FOREIGNER_2017);
    }

    @Test
    void appendedAddressAbsentIsEmpty() throws Exception {
        assertThat(module.readAppendedAddress()).isEmpty();
    }

    @Test
    void setBaudIsAcknowledged() throws Exception {
        module.setBaud(57_600);
        assertThat(simulator.received("SET_BAUD")).isEqualTo(1);
    }

    @Test
    void unknownCommandAnswersBadCommand() throws Exception {
        serial.write(Ga467Frame.request(0x7E, 0x01).encode());
        Ga467Frame reply = new Ga467FrameReader().read(serial, Duration.ofSeconds(1));
        assertThat(reply.sw3()).isEqualTo(Sw3Status.BAD_COMMAND.code());
    }

    @Test
    void selectAndReadWithoutACardFailWithTheirSw3() throws Exception {
        simulator.removeCard();
        assertThat(module.findCard()).isFalse();
        assertThatThrownBy(module::selectCard).isInstanceOfSatisfying(Sw3StatusException.class,
                e -> assertThat(e.status()).contains(Sw3Status.SELECT_FAILED));
        assertThatThrownBy(module::readCard).isInstanceOfSatisfying(Sw3StatusException.class,
                e -> assertThat(e.status()).contains(Sw3Status.READ_FAILED));
    }

    @Test
    void cardLateAfterADelay() throws Exception {
        simulator.setScenario(SimScenario.CARD_LATE);
        simulator.lateAfter(Duration.ofMillis(300));
        assertThat(module.findCard()).isFalse();
        // polled like a reader does, until the card arrives
        org.openkiosk.testsupport.Poll.value(Duration.ofSeconds(5), "the late card found",
                () -> module.findCard() ? java.util.Optional.of(true) : java.util.Optional.empty());
    }

    @Test
    void garbledRequestIsAnsweredWithHostChecksumError() throws Exception {
        byte[] bad = Ga467Command.FIND_CARD.frame().encode();
        bad[bad.length - 1] ^= 0x01;
        serial.write(bad);
        Ga467Frame reply = new Ga467FrameReader().read(serial, Duration.ofSeconds(1));
        assertThat(reply.sw3()).isEqualTo(Sw3Status.HOST_CHECKSUM_ERROR.code());
    }
}
