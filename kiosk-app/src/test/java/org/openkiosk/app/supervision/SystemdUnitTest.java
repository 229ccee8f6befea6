package org.openkiosk.app.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.cli.KioskCommand;
import org.openkiosk.testsupport.RequiredTool;

/**
 * The shipped unit {@code packaging/systemd/openkiosk.service}: systemd's own verifier accepts it without a
 * warning, it supervises the way ADR 0120 needs, its command line parses, and its hardening leaves devices alone.
 */
class SystemdUnitTest {

    static final Path UNIT = Paths.get("..", "packaging", "systemd", "openkiosk.service").toAbsolutePath().normalize();
    static final String INSTALLED_BINARY = "/opt/openkiosk/bin/kiosk";

    @TempDir
    Path tmp;

    @Test
    void systemdAnalyzeVerifiesTheUnitWithoutAWord() throws Exception {
        Path analyze = RequiredTool.command("systemd-analyze", "systemd");
        assertThat(verify(analyze, Files.readString(UNIT))).isEmpty();
    }

    @Test
    void theVerifierWouldHaveSpokenAboutAMistake() throws Exception {
        Path analyze = RequiredTool.command("systemd-analyze", "systemd");
        String typo = Files.readString(UNIT).replace("WatchdogSec=", "WatchdogSecs=");
        assertThat(verify(analyze, typo)).contains("Unknown key 'WatchdogSecs'");
    }

    @Test
    void supervisesAKioskThatNotifiesAndIsNotRestartedForABadConfiguration() throws Exception {
        List<String> service = section("Service");
        assertThat(service).contains("Type=notify", "Restart=always", "RestartPreventExitStatus=2", "User=kiosk")
                .anyMatch(l -> l.startsWith("WatchdogSec="));
        assertThat(section("Unit")).anyMatch(l -> l.startsWith("StartLimitIntervalSec="))
                .anyMatch(l -> l.startsWith("StartLimitBurst="));
    }

    @Test
    void theStoreKeyComesAsAnEncryptedCredentialLookedUpByName() throws Exception {
        // by name, not by path: systemd searches /etc/credstore.encrypted/ and a kiosk without the file still starts
        // (a production kiosk on the embedded store then refuses with exit 2 and says how to create it)
        assertThat(section("Service")).contains("LoadCredentialEncrypted="
                + org.openkiosk.app.store.StoreKey.CREDENTIAL).noneMatch(l -> l.startsWith("LoadCredential="));
    }

    @Test
    void hardeningKeepsTheDevicesAndTheDataDirectoriesReachable() throws Exception {
        List<String> service = section("Service");
        assertThat(service).contains("ProtectSystem=strict", "PrivateTmp=yes", "NoNewPrivileges=yes",
                "ReadWritePaths=/var/lib/openkiosk /var/log/openkiosk");
        assertThat(service).noneMatch(l -> l.startsWith("PrivateDevices=") || l.startsWith("DevicePolicy=")
                || l.startsWith("DeviceAllow=") || l.startsWith("MemoryDenyWriteExecute="));
        String groups = service.stream().filter(l -> l.startsWith("SupplementaryGroups=")).findFirst().orElseThrow();
        assertThat(groups.substring(groups.indexOf('=') + 1).split(" ")).contains("dialout", "lp", "scanner");
    }

    @Test
    void theStartCommandIsOneTheKioskUnderstands() throws Exception {
        List<String> service = section("Service");
        String exec = service.stream().filter(l -> l.startsWith("ExecStart=")).findFirst().orElseThrow();
        String options = service.stream().filter(l -> l.startsWith("Environment=KIOSK_RUN_OPTIONS="))
                .findFirst().orElseThrow().substring("Environment=KIOSK_RUN_OPTIONS=".length());
        assertThat(options).contains("--nightly-restart=");
        List<String> words = Arrays.asList(exec.substring("ExecStart=".length())
                .replace("$KIOSK_RUN_OPTIONS", options).split(" "));
        assertThat(words.get(0)).isEqualTo(INSTALLED_BINARY);
        var parsed = KioskCommand.commandLine().parseArgs(words.subList(1, words.size()).toArray(String[]::new));
        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("run");
        assertThat(parsed.subcommand().matchedOptionValue("--nightly-restart", "")).matches("\\d\\d:\\d\\d");
    }

    /** Runs systemd-analyze verify on {@code unit} with ExecStart pointed at an executable stub; its output. */
    private String verify(Path analyze, String unit) throws Exception {
        Path stub = tmp.resolve("kiosk");
        Files.writeString(stub, "#!/bin/sh\n");
        stub.toFile().setExecutable(true);
        Path copy = Files.createDirectories(tmp.resolve("units")).resolve("openkiosk.service");
        Files.writeString(copy, unit.replace(INSTALLED_BINARY, stub.toString()));
        Path out = tmp.resolve("verify.txt");
        Process p = new ProcessBuilder(analyze.toString(), "verify", copy.toString()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(out, StandardCharsets.UTF_8).strip();
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }

    private static List<String> section(String name) throws Exception {
        List<String> lines = new ArrayList<>();
        boolean in = false;
        for (String line : Files.readAllLines(UNIT)) {
            String l = line.strip();
            if (l.startsWith("[")) {
                in = l.equals("[" + name + "]");
            } else if (in && !l.isEmpty() && !l.startsWith("#")) {
                lines.add(l);
            }
        }
        return lines;
    }
}
