package org.openkiosk.app.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiosk doctor}: printed certificates must not stay in the CUPS spool (PreserveJobFiles No). */
class CupsJobFilesCheckTest {

    @TempDir
    Path tmp;

    @Test
    void preserveJobFilesNoPasses() throws Exception {
        Path conf = Files.writeString(tmp.resolve("cupsd.conf"),
                "LogLevel warn\nPreserveJobFiles Yes\n# later wins\n  preservejobfiles   No\n");
        CheckResult check = SystemChecks.cupsJobFiles(conf);
        assertThat(check.passed()).isTrue();
        assertThat(check.detail()).contains("PreserveJobFiles No");
    }

    @Test
    void theCupsDefaultOrAYesFailsWithTheFix() throws Exception {
        Path unset = Files.writeString(tmp.resolve("unset.conf"), "LogLevel warn\nMaxJobs 100\n");
        CheckResult byDefault = SystemChecks.cupsJobFiles(unset);
        assertThat(byDefault.passed()).isFalse();
        assertThat(byDefault.required()).isTrue();
        assertThat(byDefault.detail()).contains("not set (CUPS keeps job files for a day by default)")
                .contains("set \"PreserveJobFiles No\"");
        Path seconds = Files.writeString(tmp.resolve("seconds.conf"), "PreserveJobFiles 3600\n");
        assertThat(SystemChecks.cupsJobFiles(seconds).detail()).contains("PreserveJobFiles 3600");
        assertThat(SystemChecks.cupsJobFiles(tmp.resolve("missing.conf")).passed()).isFalse();
    }

    @Test
    void theDoctorChecksItOnlyWhereAnA4PrinterPrintsThroughCups() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(dir.resolve("kiosk.yaml"), "kiosk:\n  id: K-9\n  hallId: H-9\n  hallName: {zh: 测试大厅, en: Test}\n"
                + "  testInstallation: true\ndevices:\n  a4Printer: {driver: ipp, uri: \"cups:kioskA4\", required: false}\n");
        Files.writeString(dir.resolve("services.yaml"), "zone: Asia/Shanghai\ncheckIn: {earlyMinutes: 30, lateMinutes: 15}\n"
                + "services: []\ncertificates: []\n");
        assertThat(new Doctor(System::getenv).run(dir, tmp.resolve("data"))).extracting(CheckResult::label)
                .contains("CUPS job files");
        Files.writeString(dir.resolve("kiosk.yaml"), "kiosk:\n  id: K-9\n  hallId: H-9\n  hallName: {zh: 测试大厅, en: Test}\n");
        assertThat(new Doctor(System::getenv).run(dir, tmp.resolve("data"))).extracting(CheckResult::label)
                .doesNotContain("CUPS job files");
    }
}
