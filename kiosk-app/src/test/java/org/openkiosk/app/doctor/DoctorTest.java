package org.openkiosk.app.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorTest {

    @TempDir
    Path tmp;

    private Path configWithSerialReader() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(dir.resolve("kiosk.yaml"), "kiosk:\n  id: K-9\n  hallId: H-9\n  hallName: {zh: 测试大厅, en: Test}\n"
                + "devices:\n  idReader: {driver: ga467, uri: \"serial:/dev/ttyUSB0?baud=115200\"}\n");
        // a catalogue without certificates: no templates needed for a whole valid directory
        Files.writeString(dir.resolve("services.yaml"), "zone: Asia/Shanghai\ncheckIn: {earlyMinutes: 30, lateMinutes: 15}\n"
                + "services: []\ncertificates: []\n");
        return dir;
    }

    private static CheckResult find(List<CheckResult> results, String label) {
        return results.stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void theSerialLibraryIsRequiredOnceASerialDeviceIsConfigured() throws Exception {
        List<CheckResult> results = new Doctor(System::getenv).run(configWithSerialReader(), tmp.resolve("data"));

        CheckResult serial = find(results, "serial ports");
        assertThat(serial.required()).isTrue();
        assertThat(serial.passed()).as(serial.detail()).isTrue();
        assertThat(serial.detail()).startsWith("jSerialComm 2.11.0 native library loaded; ");
    }

    @Test
    void osToolsAndTheDisplayAreReportedFromTheEnvironment() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path socat = Files.writeString(bin.resolve("socat"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(socat, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(bin.resolve("lp"), "not executable");
        Map<String, String> env = Map.of("PATH", "/nonexistent:" + bin, "DISPLAY", ":99");

        List<CheckResult> results = new Doctor(env::get).run(configWithSerialReader(), tmp.resolve("data"));

        assertThat(find(results, "socat").passed()).isTrue();
        assertThat(find(results, "socat").detail()).startsWith(socat.toString());
        assertThat(find(results, "lp").passed()).isFalse();
        assertThat(find(results, "scanimage").detail()).startsWith("not installed");
        assertThat(find(results, "display").detail()).isEqualTo("X11 display :99");
        assertThat(results.stream().filter(r -> !r.required())).noneMatch(CheckResult::blocking);
    }

    @Test
    void theDisplayIsMissingWithoutDisplayVariables() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux"),
                "DISPLAY/WAYLAND_DISPLAY only decide on Linux");
        CheckResult display = SystemChecks.display(name -> null);
        assertThat(display.passed()).isFalse();
        assertThat(display.required()).isFalse();
        assertThat(display.detail()).contains("xvfb-run");
    }
}
