package org.openkiosk.device.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.Health;
import org.openkiosk.device.HealthCheckLevel;
import org.openkiosk.device.RecommendedAction;
import org.openkiosk.device.escpos.sim.CapturedReceipt;
import org.openkiosk.device.escpos.sim.ReceiptPrinterSimulator;
import org.openkiosk.device.escpos.sim.SimulatedPaper;
import org.openkiosk.device.transport.TcpTransport;
import org.openkiosk.device.transport.TransportUri;

/**
 * A cheap model that answers DLE EOT but not GS r, on the wire (the simulator over TCP): the driver finds it out
 * at the first status check and reports its jobs "sent, not confirmable on this model" instead of waiting for the
 * job timeout and calling a whole receipt incomplete; {@code confirmJobs: required} refuses such a model.
 */
class UnconfirmableReceiptPrinterTest {

    private ReceiptPrinterSimulator simulator;
    private int port;
    private ReceiptPrinter printer;

    @BeforeEach
    void start() throws Exception {
        simulator = new ReceiptPrinterSimulator(PaperWidth.MM58, SimulatedPaper.OK);
        simulator.setAnswersJobConfirmation(false);
        port = simulator.serveTcp(0);
    }

    @AfterEach
    void stop() {
        if (printer != null) {
            printer.close();
        }
        simulator.close();
    }

    private ReceiptPrinter open(String confirmJobs) throws DeviceException {
        Map<String, String> options = new HashMap<>(Map.of("paperWidthMm", "58", "jobTimeoutMs", "3000"));
        if (confirmJobs != null) {
            options.put("confirmJobs", confirmJobs);
        }
        printer = new ReceiptPrinter("receiptPrinter", new TcpTransport(TransportUri.parse("tcp://127.0.0.1:" + port)),
                ReceiptPrinterOptions.fromMap(options));
        printer.open();
        printer.claim();
        printer.enable();
        return printer;
    }

    private static Receipt slip() {
        return Receipt.builder().title("预约凭条").keyValue("事项", "居住证办理").qr("APPT:20261122:A012").cut().build();
    }

    @Test
    void aModelWithoutGsRPrintsTheWholeJobAndSaysItCannotConfirmIt() throws Exception {
        ReceiptPrinter p = open(null);

        ReceiptJob job = p.submit(slip());

        assertThat(job.confirmed()).isFalse();
        assertThat(job.note()).isEqualTo(ReceiptJob.NOT_CONFIRMABLE);
        assertThat(p.confirmsJobs()).contains(false);
        CapturedReceipt captured = simulator.awaitReceipt(Duration.ofSeconds(5)).orElseThrow();
        assertThat(captured.complete()).isTrue();
        assertThat(captured.textLines()).contains("预约凭条", "--- cut ---");
        assertThat(simulator.printableBytesReceived()).as("no GS r 1 appended to a job it would never answer")
                .isEqualTo(captured.bytes().length);
        assertThat(p.health().health()).isEqualTo(Health.ONLINE);
        assertThat(p.health().text()).contains("not confirmable on this model");

        // the second job does not ask again and is reported the same way
        assertThat(p.submit(slip()).confirmed()).isFalse();
        assertThat(simulator.awaitReceipt(Duration.ofSeconds(5))).isPresent();
    }

    @Test
    void theSelfCheckFindsItOutAndTheHealthSaysSo() throws Exception {
        ReceiptPrinter p = open(null);

        assertThat(p.checkHealth(HealthCheckLevel.EXTERNAL).text())
                .isEqualTo("ready; jobs are " + ReceiptJob.NOT_CONFIRMABLE);
        assertThat(p.confirmsJobs()).contains(false);
        assertThat(simulator.printableBytesReceived()).as("the question is not a job").isZero();
        assertThat(simulator.receipts()).isEmpty();
    }

    @Test
    void requiredConfirmationRefusesSuchAModelBeforeAnyByteOfTheJob() throws Exception {
        ReceiptPrinter p = open("required");

        assertThat(p.checkHealth(HealthCheckLevel.EXTERNAL)).satisfies(h -> {
            assertThat(h.health()).isEqualTo(Health.ERROR);
            assertThat(h.action()).isEqualTo(RecommendedAction.CHECK_CONFIGURATION);
        });
        assertThatThrownBy(() -> p.submit(slip())).isInstanceOfSatisfying(DeviceException.class, e -> {
            assertThat(e.action()).isEqualTo(RecommendedAction.CHECK_CONFIGURATION);
            assertThat(e.retryable()).isFalse();
        }).hasMessageContaining("does not confirm jobs").hasMessageContaining("nothing was printed");
        assertThat(simulator.printableBytesReceived()).isZero();
    }

    @Test
    void aModelThatAnswersGsRIsConfirmedAsBefore() throws Exception {
        simulator.setAnswersJobConfirmation(true);
        ReceiptPrinter p = open(null);

        ReceiptJob job = p.submit(slip());

        assertThat(job.confirmed()).isTrue();
        assertThat(p.confirmsJobs()).contains(true);
        CapturedReceipt captured = simulator.awaitReceipt(Duration.ofSeconds(5)).orElseThrow();
        assertThat(captured.complete()).isTrue();
        assertThat(simulator.printableBytesReceived()).as("the job and its GS r 1").isEqualTo(captured.bytes().length + 3);
    }

    @Test
    void confirmJobsOptionWords() {
        assertThat(ReceiptPrinterOptions.defaults().confirmJobs()).isEqualTo(ReceiptPrinterOptions.JobConfirmation.AUTO);
        assertThat(ReceiptPrinterOptions.fromMap(Map.of("confirmJobs", "true")).confirmJobs())
                .isEqualTo(ReceiptPrinterOptions.JobConfirmation.REQUIRED);
        assertThat(ReceiptPrinterOptions.fromMap(Map.of("confirmJobs", "off")).confirmJobs())
                .isEqualTo(ReceiptPrinterOptions.JobConfirmation.OFF);
        assertThatThrownBy(() -> ReceiptPrinterOptions.fromMap(Map.of("confirmJobs", "maybe")))
                .hasMessageContaining("auto, required or off");
    }
}
