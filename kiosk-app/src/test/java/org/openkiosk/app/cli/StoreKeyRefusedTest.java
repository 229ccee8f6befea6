package org.openkiosk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.config.ConfigLoader;
import org.openkiosk.app.store.StoreKey;
import org.openkiosk.app.ui.startup.StartupProblem;
import org.openkiosk.app.ui.startup.StartupResult;

/**
 * A production kiosk on the embedded store needs the {@code kiosk-store-key} credential (ADR 0119): without it
 * {@code ./kiosk run} ends with exit 2 before the store file exists; the demo, a test installation and PostgreSQL
 * are not affected.
 */
class StoreKeyRefusedTest {

    @TempDir
    Path tmp;

    private Path config(String kioskExtra, String storeYaml) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(dir.resolve("kiosk.yaml"), "kiosk:\n  id: K-9\n  hallId: H-9\n  hallName: {zh: 测试大厅, en: Test}\n"
                + kioskExtra + storeYaml);
        Files.writeString(dir.resolve("services.yaml"), "zone: Asia/Shanghai\ncheckIn: {earlyMinutes: 30, lateMinutes: 15}\n"
                + "services: []\ncertificates: []\n");
        return dir;
    }

    @Test
    void withoutTheCredentialTheCheckRefusesBeforeTheStoreIsCreated() throws Exception {
        Path config = config("", "");
        Path data = tmp.resolve("data");
        try (StartupChecks.WithRuntime check = StartupChecks.withRuntime(config, data, false, Clock.systemUTC(), null)) {
            StartupResult result = check.check();
            assertThat(result).isInstanceOf(StartupResult.OutOfService.class);
            assertThat(((StartupResult.OutOfService) result).problems()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(StartupChecks.STORE_KEY);
                assertThat(p.detail()).startsWith("the embedded store would not be encrypted: no kiosk-store-key"
                        + " credential (the service has no credentials: LoadCredentialEncrypted=kiosk-store-key in the"
                        + " unit)").contains("systemd-creds", "kiosk.testInstallation: true");
            });
            assertThat(check.runtime()).isEmpty();
        }
        assertThat(data.resolve("kiosk-store.mv.db")).doesNotExist();
    }

    @Test
    void anUnusableCredentialIsRefusedWithWhatIsWrong() throws Exception {
        Path credentials = Files.createDirectories(tmp.resolve("credentials"));
        Files.writeString(credentials.resolve(StoreKey.CREDENTIAL), "short");
        List<StartupProblem> problems = StartupChecks.storeKeyRefused(ConfigLoader.load(config("", "")),
                credentials.toString()).stream().toList();
        assertThat(problems).singleElement().satisfies(p ->
                assertThat(p.detail()).contains("must be at least 16 characters"));
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThat(StartupChecks.storeKeyRefused(ConfigLoader.load(config("", "")), empty.toString()))
                .hasValueSatisfying(p -> assertThat(p.detail()).contains("no kiosk-store-key credential in " + empty));
    }

    @Test
    void aKeyATestInstallationOrPostgresqlAreAccepted() throws Exception {
        Path credentials = Files.createDirectories(tmp.resolve("credentials"));
        Files.writeString(credentials.resolve(StoreKey.CREDENTIAL), "0123456789abcdef0123456789abcdef\n");
        assertThat(StartupChecks.storeKeyRefused(ConfigLoader.load(config("", "")), credentials.toString())).isEmpty();
        assertThat(StartupChecks.storeKeyRefused(ConfigLoader.load(config("  testInstallation: true\n", "")), null))
                .isEmpty();
        assertThat(StartupChecks.storeKeyRefused(ConfigLoader.load(config("",
                "store:\n  type: postgresql\n  url: jdbc:postgresql://db:5432/kiosk\n")), null)).isEmpty();
        // and with the key the kiosk goes on to open (and encrypt) its store
        Path data = tmp.resolve("data");
        try (StartupChecks.WithRuntime check = StartupChecks.withRuntime(config("", ""), data, false, Clock.systemUTC(),
                credentials.toString())) {
            StartupResult result = check.check();
            if (result instanceof StartupResult.OutOfService oos) {
                assertThat(oos.problems()).extracting(StartupProblem::code).doesNotContain(StartupChecks.STORE_KEY);
            }
        }
    }

    @Test
    void runEndsWithExitTwoInsteadOfWaitingOnTheOutOfServiceScreen() throws Exception {
        Path config = config("", "");
        Path log = tmp.resolve("child.log");
        List<String> cmd = List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Dheadless.geometry=1920x1080-32", "-Djava.awt.headless=true",
                "-Dkiosk.home=" + Paths.get("..").toAbsolutePath().normalize(),
                "-cp", System.getProperty("java.class.path"), "org.openkiosk.app.Main",
                "--data", tmp.resolve("data").toString(), "run", "--windowed", "--config", config.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("CREDENTIALS_DIRECTORY");
        Process kiosk = pb.start();
        try {
            assertThat(kiosk.waitFor(120, TimeUnit.SECONDS)).as("the kiosk ended by itself").isTrue();
            assertThat(kiosk.exitValue()).as(Files.readString(log)).isEqualTo(ExitCodes.BAD_CONFIGURATION);
            assertThat(Files.readString(log)).contains("E-STORE-KEY  the embedded store would not be encrypted");
            assertThat(tmp.resolve("data").resolve("kiosk-store.mv.db")).doesNotExist();
        } finally {
            kiosk.destroyForcibly();
        }
    }
}
