package org.openkiosk.device.idcard.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.openkiosk.device.idcard.CardType;
import org.openkiosk.device.idcard.Ga467Module;
import org.openkiosk.device.idcard.IdCard;

/** The simulator served on a loopback TCP port, one simulator per connection. */
class IdCardSimulatorServerTest {

    @Test
    void servesRealFramesOverTcp() throws Exception {
        try (IdCardSimulatorServer server = IdCardSimulatorServer.onTcp(0, SimScenario.CARD_PRESENT,
                SyntheticCards.of(CardType.FOREIGNER_2023), 0)) {
            URI address = URI.create(server.address());
            assertThat(address.getHost()).isEqualTo("127.0.0.1");
            for (int connection = 0; connection < 2; connection++) {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress(address.getHost(), address.getPort()), 2000);
                Ga467Module module = new Ga467Module(new SimulatorSocketLink(socket), 115200);
                module.open();
                module.checkStatus();
                assertThat(module.findCard()).isTrue();
                module.selectCard();
                IdCard card = module.readCard().toIdCard();
                assertThat(card.cardType()).isEqualTo(CardType.FOREIGNER_2023);
                module.close();
            }
            assertThat(server.simulators()).hasSize(2);
        }
    }
}
