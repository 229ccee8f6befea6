package org.openkiosk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigValidateCommandTest {

    static final String REPO_CONFIG = Path.of("..", "config").toAbsolutePath().normalize().toString();

    static String resource(String dir) {
        try {
            return Path.of(ConfigValidateCommandTest.class.getResource("/" + dir + "/kiosk.yaml").toURI()).getParent().toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theDemoConfigurationIsValid() {
        CommandRun run = CommandRun.of("config", "validate", REPO_CONFIG);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.outLines()[0]).startsWith("configuration OK: 6 devices, store embedded, kiosk K-0101 in hall H-3101 — ")
                .endsWith("kiosk.yaml");
        assertThat(run.out()).containsPattern("idReader +ga467 +sim: +required")
                .containsPattern("a4Printer +ipp +sim: +optional");
    }

    @Test
    void everyProblemIsPrintedOnePerLineWithExitCodeTwo() {
        CommandRun run = CommandRun.of("config", "validate", resource("config-broken/several-problems"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_CONFIGURATION);
        String[] lines = run.outLines();
        assertThat(lines).hasSize(11);
        assertThat(lines).contains("kiosk.yaml:15 devices.receiptPrinter.driver: unknown driver \"escpos2\" (known: escpos, sim)");
        assertThat(lines[10]).startsWith("configuration INVALID: 10 problems in ");
        for (int i = 0; i < 10; i++) {
            assertThat(lines[i]).matches("kiosk\\.yaml:\\d+ [\\w.\\[\\]]+: .+");
        }
    }

    @Test
    void theGlobalConfigOptionNamesTheDirectory() {
        CommandRun run = CommandRun.of("--config", resource("config-broken/unknown-driver"), "config", "validate");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_CONFIGURATION);
        assertThat(run.out()).startsWith(
                "kiosk.yaml:14 devices.receiptPrinter.driver: unknown driver \"escpos2\" (known: escpos, sim)");
    }

    @Test
    void anAuditKeyOthersCanReadIsALocatedProblem(@TempDir Path tmp) throws Exception {
        Path key = tmp.resolve("audit.key");
        java.nio.file.Files.writeString(key, "3c".repeat(32));
        java.nio.file.Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        java.nio.file.Files.writeString(tmp.resolve("kiosk.yaml"), """
                kiosk: { id: K-01, hallId: H-01, hallName: { zh: 大厅, en: Hall } }
                audit:
                  keyFile: %s
                """.formatted(key));
        CommandRun run = CommandRun.of("config", "validate", tmp.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_CONFIGURATION);
        assertThat(run.out()).startsWith("kiosk.yaml:3 audit.keyFile: the audit key file " + key)
                .contains("chmod 600").doesNotContain("3c3c3c");
    }

    @Test
    void aPlainHttpPlatformIsRefusedOutsideATestInstallation(@TempDir Path tmp) throws Exception {
        java.nio.file.Files.writeString(tmp.resolve("kiosk.yaml"), """
                kiosk: { id: K-01, hallId: H-01, hallName: { zh: 大厅, en: Hall } }
                """);
        java.nio.file.Files.writeString(tmp.resolve("services.yaml"), """
                zone: Asia/Shanghai
                checkIn: {earlyMinutes: 30, lateMinutes: 15}
                services: []
                certificates: []
                platform:
                  type: http
                  baseUrl: http://10.1.2.3/kiosk
                """);
        CommandRun run = CommandRun.of("config", "validate", tmp.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_CONFIGURATION);
        assertThat(run.out()).startsWith("services.yaml:7 platform.baseUrl: the service platform must be reached over"
                + " https://");

        java.nio.file.Files.writeString(tmp.resolve("kiosk.yaml"), """
                kiosk: { id: K-01, hallId: H-01, hallName: { zh: 大厅, en: Hall }, testInstallation: true }
                """);
        assertThat(CommandRun.of("config", "validate", tmp.toString()).exitCode()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void aMissingDirectoryIsABadConfiguration(@TempDir Path tmp) {
        CommandRun run = CommandRun.of("config", "validate", tmp.resolve("nowhere").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_CONFIGURATION);
        assertThat(run.out()).startsWith("kiosk.yaml file not found: ");
    }

    @Test
    void configWithoutASubCommandIsAUsageError() {
        CommandRun run = CommandRun.of("config");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_CONFIGURATION);
        assertThat(run.err()).contains("Missing sub-command").contains("validate");
    }

    @Test
    void helpDescribesTheExitCodes() {
        CommandRun run = CommandRun.of("config", "validate", "--help");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("Usage: kiosk config validate").contains("[DIR]")
                .contains("2   the configuration has problems");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        CommandRun run = CommandRun.of("config", "validate", "--strict");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_CONFIGURATION);
        assertThat(run.err()).contains("Unknown option: '--strict'");
    }

    @Test
    void versionStillWorks() {
        CommandRun run = CommandRun.of("version");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).startsWith("kiosk ").contains("Java " + System.getProperty("java.version"));
    }
}
