package org.openkiosk.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.device.transport.TransportUri;

class ConfigWriterTest {

    private static final String V1 = "kiosk:\n  id: K-1\n  hallId: H-1\n  hallName: {zh: 一号大厅, en: Hall one}\n";
    private static final String V2 = V1.replace("K-1", "K-2");

    @TempDir
    Path dir;

    @Test
    void writesTheNewFileAndKeepsThePreviousVersion() throws Exception {
        ConfigWriter.write(dir, V1);
        assertThat(dir.resolve("kiosk.yaml")).hasContent(V1);
        assertThat(dir.resolve(ConfigWriter.PREVIOUS_FILE)).doesNotExist();

        KioskConfig written = ConfigWriter.write(dir, V2);

        assertThat(written.kiosk().id()).isEqualTo("K-2");
        assertThat(dir.resolve("kiosk.yaml")).hasContent(V2);
        assertThat(dir.resolve(ConfigWriter.PREVIOUS_FILE)).hasContent(V1);
        assertThat(filesIn(dir)).containsExactlyInAnyOrder("kiosk.yaml", "kiosk.yaml.prev");
    }

    @Test
    void anInvalidConfigurationIsNeverWritten() throws Exception {
        ConfigWriter.write(dir, V1);

        assertThatThrownBy(() -> ConfigWriter.write(dir, V1 + "ui:\n  idleWarning: 5s\n"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.fieldPath()).isEqualTo("ui.idleWarning")));

        assertThat(dir.resolve("kiosk.yaml")).hasContent(V1);
        assertThat(filesIn(dir)).containsExactly("kiosk.yaml");
    }

    @Test
    void aRenderedConfigurationReadsBackEqual() throws Exception {
        KioskConfig config = new KioskConfig(
                new KioskIdentity("K-0102", "H-3101", "市民中心 \"东厅\"", "Citizen Centre: East hall"),
                new UiSettings("en", true, Duration.ofSeconds(90), Duration.ofSeconds(25), false),
                Map.of("receiptPrinter", new DeviceConfig("escpos", TransportUri.parse("tcp://10.1.2.3:9100"), true,
                                Map.of("paperWidthMm", "58", "codePage", "gb18030")),
                        "idReader", new DeviceConfig("ga467", TransportUri.parse("serial:/dev/ttyUSB0?baud=115200"), true, Map.of()),
                        "a4Printer", new DeviceConfig("ipp", TransportUri.parse("cups:kioskA4"), false, Map.of())),
                new StoreConfig("postgresql", "jdbc:postgresql://10.1.2.5:5432/kiosk", "kiosk", null));

        ConfigWriter.write(dir, config);

        assertThat(ConfigLoader.load(dir)).isEqualTo(config);
    }

    @Test
    void everySectionRoundTripsThroughTheWriterIncludingTheMaintenancePinAndAwkwardTexts() throws Exception {
        String pinHash = org.openkiosk.app.maintenance.PinHash.create("246810".toCharArray(), 10_000).encoded();
        KioskConfig config = new KioskConfig(
                new KioskIdentity("0102", "H-3101", "市民中心: \"东厅\" #1", "yes"),
                new UiSettings("zh", false, Duration.ofMinutes(2), Duration.ofSeconds(45), true),
                Map.of("idReader", new DeviceConfig("sim", TransportUri.parse("sim:"), true, Map.of()),
                        "scanner", new DeviceConfig("wedge", TransportUri.parse("wedge:"), false,
                                Map.of("suffix", "\r\n", "prefix", "- [x]", "on", "true"))),
                new StoreConfig("embedded", "/var/lib/kiosk/store", null, null),
                new MaintenanceSettings(java.util.Optional.of(pinHash)));

        ConfigWriter.write(dir, config);

        assertThat(ConfigLoader.load(dir)).isEqualTo(config);
        assertThat(Files.readString(dir.resolve("kiosk.yaml"))).contains("maintenance:").contains(pinHash)
                .doesNotStartWith("---");
    }

    @Test
    void anEnvironmentReferenceIsWrittenAsWrittenNeverItsSecretValue() throws Exception {
        String yaml = V1 + "store:\n  type: postgresql\n  url: jdbc:postgresql://10.1.2.5:5432/kiosk\n  user: kiosk\n"
                + "  password: ${KIOSK_DB_PASSWORD}\n";
        KioskConfig read = ConfigLoader.parse("kiosk.yaml", yaml, name -> name.equals("KIOSK_DB_PASSWORD") ? "s3cret!" : null);
        assertThat(read.store().password()).isEqualTo("s3cret!");
        assertThat(read.store().toString()).doesNotContain("s3cret!");

        String rendered = ConfigYaml.render(read);

        assertThat(rendered).contains("${KIOSK_DB_PASSWORD}").doesNotContain("s3cret!");
        assertThat(ConfigLoader.parse("kiosk.yaml", rendered, name -> "s3cret!")).isEqualTo(read);
    }

    @Test
    void aDirectoryThatCannotBeWrittenLeavesTheOldFileUntouched() throws Exception {
        ConfigWriter.write(dir, V1);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Assumptions.assumeFalse(Files.isWritable(dir), "running as root: permissions do not stop writes");
            assertThatThrownBy(() -> ConfigWriter.write(dir, V2)).isInstanceOf(IOException.class);
            assertThat(dir.resolve("kiosk.yaml")).hasContent(V1);
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aFailedReplacementLeavesTheOldFileAndNoTemporaryFiles() throws Exception {
        ConfigWriter.write(dir, V1);
        // a non-empty directory where the backup must go: the backup rename fails like a full or broken disk would
        Files.createDirectories(dir.resolve(ConfigWriter.PREVIOUS_FILE).resolve("blocker"));

        assertThatThrownBy(() -> ConfigWriter.write(dir, V2)).isInstanceOf(IOException.class);

        assertThat(dir.resolve("kiosk.yaml")).hasContent(V1);
        assertThat(filesIn(dir)).containsExactlyInAnyOrder("kiosk.yaml", "kiosk.yaml.prev");
    }

    private static Stream<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList().stream();
        }
    }
}
