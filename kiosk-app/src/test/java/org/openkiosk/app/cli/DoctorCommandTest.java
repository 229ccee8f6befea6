package org.openkiosk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorCommandTest {

    @TempDir
    Path tmp;

    @Test
    void aHealthyInstallationIsReady() {
        Path data = tmp.resolve("data");
        CommandRun run = CommandRun.of("doctor", "--config", ConfigValidateCommandTest.REPO_CONFIG, "--data", data.toString());

        assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCodes.OK);
        assertThat(run.out())
                .containsPattern("(?m)^✔ Java: Java 17|^✔ Java: Java \\d+")
                .containsPattern("(?m)^✔ configuration: valid: kiosk K-0101, 6 devices, store embedded")
                .containsPattern("(?m)^✔ data directory: writable: " + java.util.regex.Pattern.quote(data.toString()))
                .containsPattern("(?m)^✔ bundled font: Noto Sans SC")
                .containsPattern("(?m)^[✔✘] serial ports: .*\\[info]$")
                .containsPattern("(?m)^[✔✘] socat: .*\\[info]$")
                .containsPattern("(?m)^[✔✘] scanimage: .*\\[info]$")
                .containsPattern("(?m)^[✔✘] display: .*\\[info]$")
                .containsPattern("(?m)^verdict: READY — all 4 required checks passed");
        assertThat(Files.isDirectory(data)).isTrue();
    }

    @Test
    void anInvalidConfigurationListsItsProblemsAndExitsWithTwo() {
        CommandRun run = CommandRun.of("--config", ConfigValidateCommandTest.resource("config-broken/unknown-key"),
                "doctor", "--data", tmp.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_CONFIGURATION);
        assertThat(run.out())
                .containsPattern("(?m)^✘ configuration: 1 problem\\(s\\) in .*unknown-key")
                .contains("    kiosk.yaml:9 ui.idelTimeout: unknown key \"idelTimeout\" (did you mean \"idleTimeout\"?)")
                .containsPattern("(?m)^verdict: NOT READY — 1 of \\d required checks failed: configuration$");
    }

    @Test
    void anUnwritableDataDirectoryIsAFailure() throws Exception {
        Path notADirectory = Files.writeString(tmp.resolve("file"), "x");
        CommandRun run = CommandRun.of("doctor", "--config", ConfigValidateCommandTest.REPO_CONFIG,
                "--data", notADirectory.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.out()).containsPattern("(?m)^✘ data directory: not writable: .*file \\(exists but is not a directory\\)")
                .containsPattern("(?m)^verdict: NOT READY — 1 of 4 required checks failed: data directory$");
    }
}
