package org.openkiosk.device.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkiosk.device.Capability;
import org.openkiosk.device.DeviceEvent;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.DeviceStatistics;
import org.openkiosk.device.Health;
import org.openkiosk.device.HealthCheckLevel;
import org.openkiosk.device.RecommendedAction;
import org.openkiosk.device.escpos.sim.CapturedReceipt;
import org.openkiosk.device.escpos.sim.ReceiptPrinterSimulator;
import org.openkiosk.device.escpos.sim.SimulatedPaper;
import org.openkiosk.device.transport.TcpTransport;
import org.openkiosk.device.transport.TransportUri;

/** The driver against the simulator over a real TCP socket on 127.0.0.1 (as a network printer on port 9100). */
class ReceiptPrinterTcpTest {

    private ReceiptPrinterSimulator simulator;
    private ReceiptPrinter printer;
    private final List<DeviceEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        simulator = new ReceiptPrinterSimulator(PaperWidth.MM58, SimulatedPaper.OK);
        int port = simulator.serveTcp(0);
        printer = new ReceiptPrinter("receiptPrinter", new TcpTransport(TransportUri.parse("tcp://127.0.0.1:" + port)),
                ReceiptPrinterOptions.fromMap(Map.of("paperWidthMm", "58", "jobTimeoutMs", "1500")));
        printer.addListener(events::add);
        printer.open();
        printer.claim();
        printer.enable();
    }

    @AfterEach
    void stop() {
        printer.close();
        simulator.close();
    }

    private static Receipt slip() {
        return Receipt.builder().title("预约凭条").keyValue("姓名", "测试").keyValue("事项", "居住证办理")
                .qr("APPT:20261122:A012:测试").cut().build();
    }

    @Test
    void printsAndConfirmsTheJob() throws Exception {
        long job = printer.print(slip());

        CapturedReceipt captured = simulator.awaitReceipt(Duration.ofSeconds(5)).orElseThrow();
        assertThat(captured.complete()).isTrue();
        assertThat(captured.textLines()).contains("预约凭条", "[QR] APPT:20261122:A012:测试", "--- cut ---");
        assertThat(captured.qrPayloads()).containsExactly("APPT:20261122:A012:测试");
        assertThat(events).anySatisfy(e -> assertThat(e).isEqualTo(new DeviceEvent.OutputComplete("receiptPrinter", e.at(), job)));
        assertThat(printer.statistics().get(DeviceStatistics.PRINTS)).isEqualTo(1);
        assertThat(printer.statistics().get(DeviceStatistics.CUTS)).isEqualTo(1);
        assertThat(printer.health().health()).isEqualTo(Health.ONLINE);
        assertThat(printer.capabilities()).contains(Capability.CAN_CUT, Capability.REPORTS_PAPER_NEAR_END);
    }

    @Test
    void paperEmptyRefusesThePrintAndSendsNothingOfTheJob() throws Exception {
        simulator.setCondition(SimulatedPaper.EMPTY);

        assertThatThrownBy(() -> printer.print(slip()))
                .isInstanceOfSatisfying(DeviceException.class, e -> assertThat(e.action()).isEqualTo(RecommendedAction.LOAD_PAPER))
                .hasMessageContaining("paper end");

        assertThat(simulator.printableBytesReceived()).as("not one byte of the job reached the printer").isZero();
        assertThat(simulator.awaitReceipt(Duration.ofMillis(300))).isEmpty();
        assertThat(printer.health().health()).isEqualTo(Health.ERROR);
        assertThat(printer.health().action()).isEqualTo(RecommendedAction.LOAD_PAPER);
        assertThat(printer.statistics().get(DeviceStatistics.ERRORS)).isEqualTo(1);
        assertThat(events).anyMatch(e -> e instanceof DeviceEvent.Error);
    }

    @Test
    void coverOpenAndCutterErrorNameTheirRemedy() {
        simulator.setCondition(SimulatedPaper.COVER_OPEN);
        assertThatThrownBy(() -> printer.print(slip())).isInstanceOfSatisfying(DeviceException.class,
                e -> assertThat(e.action()).isEqualTo(RecommendedAction.CLOSE_COVER)).hasMessageContaining("cover open");
        simulator.setCondition(SimulatedPaper.CUTTER_ERROR);
        assertThatThrownBy(() -> printer.print(slip())).isInstanceOfSatisfying(DeviceException.class,
                e -> assertThat(e.action()).isEqualTo(RecommendedAction.CLEAR_PAPER_JAM)).hasMessageContaining("cutter");
    }

    @Test
    void nearEndPrintsButIsFlaggedInHealthAndByAnEvent() throws Exception {
        simulator.setCondition(SimulatedPaper.NEAR_END);
        printer.print(slip());

        assertThat(simulator.awaitReceipt(Duration.ofSeconds(5))).isPresent();
        assertThat(printer.health().health()).isEqualTo(Health.ONLINE);
        assertThat(printer.health().text()).contains("near end");
        assertThat(events).anyMatch(e -> e instanceof DeviceEvent.StatusUpdate u && u.status().text().contains("near end"));
        assertThat(printer.lastStatus()).hasValueSatisfying(s -> assertThat(s.paper()).isEqualTo(PaperLevel.NEAR_END));
    }

    @Test
    void paperRunningOutMidJobIsAClearError() throws Exception {
        simulator.runOutOfPaperAfterLines(3);

        assertThatThrownBy(() -> printer.print(slip()))
                .isInstanceOfSatisfying(DeviceException.class, e -> {
                    assertThat(e.action()).isEqualTo(RecommendedAction.LOAD_PAPER);
                    assertThat(e.retryable()).isTrue();
                })
                .hasMessageContaining("stopped before its end").hasMessageContaining("paper end").hasMessageContaining("incomplete");

        CapturedReceipt partial = simulator.awaitReceipt(Duration.ofSeconds(5)).orElseThrow();
        assertThat(partial.complete()).isFalse();
        assertThat(events).noneMatch(e -> e instanceof DeviceEvent.OutputComplete);
        assertThat(printer.statistics().get(DeviceStatistics.PRINTS)).isZero();

        // loading paper: the next job prints
        simulator.setCondition(SimulatedPaper.OK);
        printer.print(slip());
        assertThat(simulator.awaitReceipt(Duration.ofSeconds(5))).hasValueSatisfying(r -> assertThat(r.complete()).isTrue());
    }

    @Test
    void withoutConfirmationTheJobEndsWithoutGsR() throws Exception {
        int port = Integer.parseInt(printer.description().replaceAll(".*:(\\d+)$", "$1"));
        try (ReceiptPrinter unconfirmed = new ReceiptPrinter("p2", new TcpTransport(TransportUri.parse("tcp://127.0.0.1:" + port)),
                ReceiptPrinterOptions.fromMap(Map.of("confirmJobs", "false")))) {
            printer.close();   // the simulator serves one connection at a time
            unconfirmed.open();
            unconfirmed.claim();
            unconfirmed.enable();
            unconfirmed.print(slip());
            CapturedReceipt r = simulator.awaitReceipt(Duration.ofSeconds(5)).orElseThrow();
            assertThat(org.openkiosk.device.escpos.sim.EscPosDecoder.hex(r.bytes())).endsWith("1D 56 42 03");
            assertThat(unconfirmed.statistics().get(DeviceStatistics.PRINTS)).isEqualTo(1);
        }
    }

    @Test
    void interactiveHealthCheckPrintsTheTestPage() throws Exception {
        assertThat(printer.checkHealth(HealthCheckLevel.INTERACTIVE).health()).isEqualTo(Health.ONLINE);
        assertThat(simulator.awaitReceipt(Duration.ofSeconds(5)).orElseThrow().textLines()).contains("打印测试");
        assertThat(printer.checkHealth(HealthCheckLevel.INTERNAL)).isSameAs(printer.health());
    }

    @Test
    void externalHealthCheckQueriesTheStatus() {
        simulator.setCondition(SimulatedPaper.COVER_OPEN);
        assertThat(printer.checkHealth(HealthCheckLevel.EXTERNAL).action()).isEqualTo(RecommendedAction.CLOSE_COVER);
        simulator.setCondition(SimulatedPaper.OK);
        assertThat(printer.checkHealth(HealthCheckLevel.EXTERNAL).health()).isEqualTo(Health.ONLINE);
    }

    @Test
    void recoversWhenThePrinterComesBackWithoutReopeningTheDevice() throws Exception {
        printer.print(slip());
        int port = Integer.parseInt(printer.description().replaceAll(".*:(\\d+)$", "$1"));
        simulator.close();

        assertThatThrownBy(() -> printer.print(slip())).isInstanceOfSatisfying(DeviceException.class,
                e -> assertThat(e.action()).isEqualTo(RecommendedAction.RECONNECT));
        assertThat(printer.health().health()).isEqualTo(Health.OFFLINE);

        simulator = new ReceiptPrinterSimulator(PaperWidth.MM58, SimulatedPaper.OK);
        simulator.serveTcp(port);
        printer.print(slip());
        assertThat(simulator.awaitReceipt(Duration.ofSeconds(5))).isPresent();
        assertThat(printer.statistics().get(DeviceStatistics.RECONNECTS)).isEqualTo(1);
        assertThat(printer.health().health()).isEqualTo(Health.ONLINE);
    }
}
