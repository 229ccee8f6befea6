package org.openkiosk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiosk devices} over the real drivers: simulators on ptys and HTTP, and a reader that is not there. */
class DevicesCommandTest {

    @TempDir
    Path tmp;

    @Test
    void theDemoDevicesAreListedAsJsonWithTheirDriverUriAndHealthAndTheSerialPorts() throws Exception {
        Path config = StartupChecksTest.copyRepositoryConfig(tmp.resolve("config"));
        CommandRun run = CommandRun.of("devices", "--config", config.toString(), "--json", "--check", "external");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.get("inService").asBoolean()).isTrue();
        List<String> names = new ArrayList<>();
        root.get("devices").forEach(d -> names.add(d.get("name").asText()));
        assertThat(names).containsExactly("idReader", "receiptPrinter", "a4Printer", "scanner", "documentScanner",
                "faceVerifier");
        JsonNode reader = root.get("devices").get(0);
        assertThat(reader.get("driver").asText()).isEqualTo("ga467");
        assertThat(reader.get("uri").asText()).isEqualTo("sim:");
        assertThat(reader.get("required").asBoolean()).isTrue();
        assertThat(reader.get("state").asText()).isEqualTo("ENABLED");
        assertThat(reader.get("health").asText()).isEqualTo("ONLINE");
        assertThat(reader.get("action").asText()).isEqualTo("NONE");
        assertThat(root.get("serialPorts").isArray()).isTrue();
    }

    @Test
    void aMissingRequiredReaderAndAnEmptyReceiptRollAreReportedWithWhatToDo() throws Exception {
        Path config = StartupChecksTest.copyRepositoryConfig(tmp.resolve("config"));
        Path kioskYaml = config.resolve("kiosk.yaml");
        String yaml = Files.readString(kioskYaml)
                .replaceFirst("driver: ga467\\s+uri: \"sim:\"", "driver: ga467\n    uri: \"serial:" + tmp.resolve("ttyGone") + "\"")
                .replaceFirst("driver: escpos\\s+uri: \"sim:\"", "driver: escpos\n    uri: \"sim:empty\"");
        Files.writeString(kioskYaml, yaml);

        CommandRun run = CommandRun.of("devices", "--config", config.toString(), "--check", "external");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.DEVICE_FAULT);
        String[] lines = run.outLines();
        assertThat(lines[0]).startsWith("idReader").contains("required").contains("OFFLINE").contains("ttyGone");
        assertThat(run.out()).contains("do:     check the cable and power");
        assertThat(run.out()).containsPattern("receiptPrinter +required +escpos +ERROR +sim:empty");
        assertThat(run.out()).contains("do:     load paper");
        assertThat(run.out()).contains("serial ports:").contains("NOT usable");
    }

    @Test
    void anUnknownCheckLevelIsABadUsage() {
        CommandRun run = CommandRun.of("devices", "--check", "interactive");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_CONFIGURATION);
        assertThat(run.err()).contains("internal or external");
    }
}
