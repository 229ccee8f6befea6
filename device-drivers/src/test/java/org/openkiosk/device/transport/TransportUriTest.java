package org.openkiosk.device.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TransportUriTest {

    @Test
    void parsesSerialWithParameters() {
        TransportUri uri = TransportUri.parse("serial:/dev/ttyUSB0?baud=115200&parity=none");
        assertThat(uri.scheme()).isEqualTo("serial");
        assertThat(uri.target()).isEqualTo("/dev/ttyUSB0");
        assertThat(uri.intParameter("baud")).hasValue(115200);
        assertThat(uri.parameter("parity", "?")).isEqualTo("none");
        assertThat(uri).hasToString("serial:/dev/ttyUSB0?baud=115200&parity=none");
    }

    @Test
    void parsesTcpHostAndPort() {
        TransportUri uri = TransportUri.parse("tcp://10.1.2.3:9100");
        assertThat(uri.host()).isEqualTo("10.1.2.3");
        assertThat(uri.port()).isEqualTo(9100);
        assertThat(uri).hasToString("tcp://10.1.2.3:9100");
    }

    @Test
    void keepsColonsInsideSaneDeviceNames() {
        assertThat(TransportUri.parse("sane:genesys:libusb:001:004").target()).isEqualTo("genesys:libusb:001:004");
    }

    @Test
    void simulatorNeedsNoTarget() {
        TransportUri uri = TransportUri.parse("sim:");
        assertThat(uri.isSimulator()).isTrue();
        assertThat(TransportUri.parse("sim:card-late").target()).isEqualTo("card-late");
    }

    @Test
    void rejectsUnknownSchemeNamingTheKnownOnes() {
        assertThatThrownBy(() -> TransportUri.parse("bluetooth:00:11"))
                .hasMessageContaining("unknown transport scheme \"bluetooth\"")
                .hasMessageContaining("serial");
    }

    @Test
    void rejectsBadInputWithAHint() {
        assertThatThrownBy(() -> TransportUri.parse("tcp://printer")).hasMessageContaining("needs a port");
        assertThatThrownBy(() -> TransportUri.parse("tcp://printer:99999")).hasMessageContaining("bad TCP port");
        assertThatThrownBy(() -> TransportUri.parse("serial:")).hasMessageContaining("serial:/dev/ttyUSB0");
        assertThatThrownBy(() -> TransportUri.parse("serial:/dev/ttyS0?baud=fast")).hasMessageContaining("baud");
        assertThatThrownBy(() -> TransportUri.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> TransportUri.parse("/dev/ttyS0")).hasMessageContaining("no scheme");
    }
}
