package org.openkiosk.app.cli.idcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.openkiosk.app.cli.KioskCommand;
import org.openkiosk.device.idcard.CardType;
import org.openkiosk.device.idcard.sim.IdCardSimulatorServer;
import org.openkiosk.device.idcard.sim.SimScenario;
import org.openkiosk.device.idcard.sim.SyntheticCards;
import picocli.CommandLine;

/** {@code kiosk idcard read} and {@code kiosk simulate idcard} against the simulator on a real pty. */
class IdCardCommandTest {

    record Run(int exitCode, String out, String err) {}

    static Run kiosk(String... args) {
        CommandLine cl = KioskCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void readPrintsTheCardAsJsonAndExitsZero() throws Exception {
        try (IdCardSimulatorServer sim = IdCardSimulatorServer.onPty(null, SimScenario.CARD_PRESENT, SyntheticCards.resident(), 0)) {
            Run run = kiosk("idcard", "read", "--port", sim.address(), "--timeout", "3", "--json");
            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertThat(json.get("cardType").asText()).isEqualTo("RESIDENT");
            assertThat(json.get("name").asText()).isEqualTo("测试");
            assertThat(json.get("sex").asText()).isEqualTo("female");
            assertThat(json.get("nation").asText()).isEqualTo("汉");
            assertThat(json.get("birthDate").asText()).isEqualTo("1949-12-31");
            assertThat(json.get("idNumber").asText()).isEqualTo("11010519491231002X");
            assertThat(json.get("validTo").asText()).isEqualTo("长期");
            assertThat(json.get("validFrom").asText()).isEqualTo("2020-01-01");
            assertThat(json.get("address").asText()).isEqualTo("北京市朝阳区测试路1号");
            assertThat(json.get("issuer").asText()).isEqualTo("北京市公安局朝阳分局");
            assertThat(json.get("problems")).isEmpty();
        }
    }

    @Test
    void typeSpecificFieldsAppearForAPermit() throws Exception {
        try (IdCardSimulatorServer sim = IdCardSimulatorServer.onPty(null, SimScenario.CARD_LATE,
                SyntheticCards.of(CardType.HK_MACAO_TAIWAN_PERMIT), 0)) {
            Run run = kiosk("idcard", "read", "--port", sim.address(), "--timeout", "5");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("cardType: HK_MACAO_TAIWAN_PERMIT").contains("travelPermitNumber: H00000001")
                    .contains("issueCount: 2").contains("validTo: 2029-06-01");
        }
    }

    @Test
    void simUriNeedsNoExternalSimulator() {
        Run run = kiosk("idcard", "read", "--port", "sim:checksum-error?cardType=I", "--timeout", "3");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("cardType: FOREIGNER_2017").contains("englishName: TESTER, SAMPLE");
    }

    @Test
    void noCardBeforeTheTimeoutExitsThree() throws Exception {
        try (IdCardSimulatorServer sim = IdCardSimulatorServer.onPty(null, SimScenario.NO_CARD, SyntheticCards.resident(), 0)) {
            Run run = kiosk("idcard", "read", "--port", sim.address(), "--timeout", "0.5");
            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.err()).contains("no card on the reader within 0.5 s");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void moduleFaultExitsFourNamingSw3() throws Exception {
        try (IdCardSimulatorServer sim = IdCardSimulatorServer.onPty(null, SimScenario.MODULE_FAULT, SyntheticCards.resident(), 0)) {
            Run run = kiosk("idcard", "read", "--port", sim.address(), "--timeout", "1");
            assertThat(run.exitCode()).isEqualTo(4);
            assertThat(run.err()).contains("SW3 60").contains("self-test failed").contains("call maintenance");
        }
    }

    @Test
    void silentReaderExitsFour() throws Exception {
        try (IdCardSimulatorServer sim = IdCardSimulatorServer.onPty(null, SimScenario.SILENT, SyntheticCards.resident(), 0)) {
            Run run = kiosk("idcard", "read", "--port", sim.address(), "--timeout", "1");
            assertThat(run.exitCode()).isEqualTo(4);
            assertThat(run.err()).contains("does not answer");
        }
    }

    @Test
    void missingPortExitsFourAndBadOptionsTwo() {
        Run missing = kiosk("idcard", "read", "--port", "/dev/nonexistent-reader", "--timeout", "0.5");
        assertThat(missing.exitCode()).isEqualTo(4);
        assertThat(missing.err()).contains("/dev/nonexistent-reader");
        assertThat(kiosk("idcard", "read").exitCode()).isEqualTo(2);
        assertThat(kiosk("idcard", "read", "--port", "/dev/ttyS0", "--timeout", "-1").exitCode()).isEqualTo(2);
        assertThat(kiosk("idcard", "read", "--port", "/dev/ttyS0", "--baud", "0").exitCode()).isEqualTo(2);
        assertThat(kiosk("simulate", "idcard", "--scenario", "sideways", "--duration", "0").exitCode()).isEqualTo(2);
    }

    @Test
    void simulateCommandPrintsAPathThatTheReadCommandUses() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            CommandLine cl = KioskCommand.commandLine();
            StringWriter out = new StringWriter();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(new StringWriter(), true));
            CompletableFuture<Integer> simulate = CompletableFuture.supplyAsync(() ->
                    cl.execute("simulate", "idcard", "--scenario", "card-present", "--card-type", "Y", "--duration", "3"));
            String path = null;
            while (path == null) {
                Thread.sleep(20);
                String first = out.toString().lines().findFirst().orElse(null);
                path = first != null && first.startsWith("/dev/") ? first : null;
            }
            Run run = kiosk("idcard", "read", "--port", path, "--timeout", "3", "--json");
            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertThat(json.get("cardType").asText()).isEqualTo("FOREIGNER_2023");
            assertThat(json.get("englishName").asText()).isEqualTo("SAMPLE, TESTPERSON WITH A VERY LONG GIVEN NAME");
            assertThat(json.get("nationality").asText()).isEqualTo("CAN");
            assertThat(simulate.get()).isZero();
        });
    }
}
