package org.openkiosk.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openkiosk.app.config.DeviceConfig;
import org.openkiosk.device.escpos.ReceiptPrinter;
import org.openkiosk.device.idcard.IdCardReader;
import org.openkiosk.device.transport.TransportUri;

/** Configuration → driver: what fits is built (sim: on real simulators), what does not is named. */
class DeviceFactoryTest {

    private final Simulators simulators = new Simulators();
    private final DeviceFactory factory = new DeviceFactory(simulators);

    @Test
    void theSimDriverMeansTheClassesFirstDriverOnItsSimulator() throws Exception {
        DeviceFactory.Created created = factory.create("receiptPrinter", config("sim", "sim:near-end"));
        try {
            assertThat(created.device()).isInstanceOf(ReceiptPrinter.class);
            assertThat(created.device().description()).startsWith("escpos");
            assertThat(simulators.receipt()).isPresent();
        } finally {
            created.device().close();
        }
    }

    @Test
    void aSimulatedReaderStartsEmptyUnlessAScenarioIsGiven() throws Exception {
        DeviceFactory.Created empty = factory.create("idReader", config("ga467", "sim:"));
        try {
            assertThat(empty.device()).isInstanceOf(IdCardReader.class);
            assertThat(simulators.idCard().orElseThrow().cardOnReader()).isFalse();
        } finally {
            empty.device().close();
        }
        DeviceFactory.Created present = factory.create("idReader", config("ga467", "sim:card-present?cardType=J"));
        try {
            assertThat(simulators.idCard().orElseThrow().cardOnReader()).isTrue();
        } finally {
            present.device().close();
        }
    }

    @Test
    void aSimulatedReadersPollingIntervalCanBeGivenForASoak() throws Exception {
        DeviceFactory.Created fast = factory.create("idReader", config("ga467", "sim:?pollMillis=20"));
        try {
            assertThat(((IdCardReader) fast.device()).settings().pollInterval()).isEqualTo(Duration.ofMillis(20));
        } finally {
            fast.device().close();
        }
        DeviceFactory.Created plain = factory.create("idReader", config("ga467", "sim:"));
        try {
            assertThat(((IdCardReader) plain.device()).settings()).isEqualTo(IdCardReader.Settings.defaults());
        } finally {
            plain.device().close();
        }
        assertThatThrownBy(() -> factory.create("idReader", config("ga467", "sim:?pollMillis=0")))
                .isInstanceOf(DeviceCreationException.class)
                .hasMessageStartingWith("idReader: ga467 over sim:").hasMessageContaining("pollMillis must be at least 1");
        assertThatThrownBy(() -> factory.create("idReader", config("ga467", "sim:?pollMillis=-5")))
                .hasMessageContaining("pollMillis must not be negative");
        assertThatThrownBy(() -> factory.create("idReader", config("ga467", "sim:?pollMillis=fast")))
                .hasMessageContaining("parameter pollMillis must be a number");
    }

    @Test
    void combinationsThatDoNotFitAreErrorsNamingTheDevice() {
        assertThatThrownBy(() -> factory.create("printer2", config("escpos", "sim:")))
                .isInstanceOf(DeviceCreationException.class)
                .hasMessageStartingWith("printer2: unknown device name").hasMessageContaining("receiptPrinter");
        assertThatThrownBy(() -> factory.create("idReader", config("escpos", "sim:")))
                .hasMessage("idReader: unknown driver \"escpos\" for device class ID_CARD_READER (known: ga467, sdtapi, sim)");
        assertThatThrownBy(() -> factory.create("idReader", config("ga467", "tcp://10.1.2.3:9100")))
                .hasMessageStartingWith("idReader: driver ga467 cannot use a tcp: URI")
                .hasMessageContaining("serial, sim");
        assertThatThrownBy(() -> factory.create("idReader", config("ga467", "sim:dancing")))
                .hasMessageStartingWith("idReader: ga467 over sim:dancing: unknown scenario");
        assertThatThrownBy(() -> factory.create("a4Printer", config("ipp", "cups:bad queue")))
                .hasMessageStartingWith("a4Printer: ipp over cups:bad queue: bad CUPS queue name");
    }

    private static DeviceConfig config(String driver, String uri) {
        return new DeviceConfig(driver, TransportUri.parse(uri), true, Map.of());
    }
}
