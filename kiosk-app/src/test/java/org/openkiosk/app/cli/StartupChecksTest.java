package org.openkiosk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.ui.startup.StartupProblem;
import org.openkiosk.app.ui.startup.StartupResult;

/** The start-up check with the runtime: a broken required device keeps the kiosk out of service until fixed. */
class StartupChecksTest {

    @TempDir
    Path tmp;

    @Test
    void aMissingRequiredReaderIsEDevIdReaderAndFixingTheConfigurationBringsTheKioskIntoService() throws Exception {
        Path config = copyRepositoryConfig(tmp.resolve("config"));
        Path kioskYaml = config.resolve("kiosk.yaml");
        String good = Files.readString(kioskYaml);
        String broken = good.replaceFirst("driver: ga467\\s+uri: \"sim:\"",
                "driver: ga467\n    uri: \"serial:" + tmp.resolve("ttyNoReader") + "\"");
        assertThat(broken).isNotEqualTo(good);
        Files.writeString(kioskYaml, broken);

        try (StartupChecks.WithRuntime check = StartupChecks.withRuntime(config, tmp.resolve("data"), true,
                Clock.systemDefaultZone())) {
            StartupResult first = check.check();
            assertThat(first).isInstanceOf(StartupResult.OutOfService.class);
            assertThat(((StartupResult.OutOfService) first).problems()).extracting(StartupProblem::code)
                    .containsExactly("E-DEV-idReader");
            assertThat(((StartupResult.OutOfService) first).problems().get(0).detail()).contains("ttyNoReader");
            // a retry looks again and still finds the reader missing
            assertThat(check.check()).isInstanceOf(StartupResult.OutOfService.class);

            Files.writeString(kioskYaml, good);
            StartupResult fixed = check.check();
            assertThat(fixed).isInstanceOf(StartupResult.Ready.class);
            StartupResult.Ready ready = (StartupResult.Ready) fixed;
            assertThat(ready.runtime()).isNotNull();
            assertThat(ready.runtime().deviceProblems()).isEmpty();
            assertThat(ready.runtime().idReader()).isPresent();
        }
    }

    @Test
    void aBrokenConfigurationIsStillEConfig() throws Exception {
        Path config = copyRepositoryConfig(tmp.resolve("config"));
        Files.writeString(config.resolve("kiosk.yaml"), "kiosk: [\n");
        try (StartupChecks.WithRuntime check = StartupChecks.withRuntime(config, tmp.resolve("data"), true,
                Clock.systemDefaultZone())) {
            StartupResult result = check.check();
            assertThat(result).isInstanceOf(StartupResult.OutOfService.class);
            assertThat(((StartupResult.OutOfService) result).problems()).extracting(StartupProblem::code)
                    .containsOnly(StartupProblem.CONFIG);
            assertThat(check.runtime()).isEmpty();
        }
    }

    @Test
    void productionRefusesSimulatedDevicesUnlessTheKioskIsATestInstallation() throws Exception {
        Path config = copyRepositoryConfig(tmp.resolve("config")); // every device is sim:
        try (StartupChecks.WithRuntime check = StartupChecks.withRuntime(config, tmp.resolve("data"), false,
                Clock.systemDefaultZone())) {
            StartupResult result = check.check();
            assertThat(result).isInstanceOf(StartupResult.OutOfService.class);
            assertThat(((StartupResult.OutOfService) result).problems()).allSatisfy(p -> {
                assertThat(p.code()).isEqualTo(StartupProblem.CONFIG);
                assertThat(p.detail()).contains("is a simulator").contains("kiosk.testInstallation: true");
            }).anySatisfy(p -> assertThat(p.detail()).startsWith("kiosk.yaml devices.idReader.uri: sim:"));
            assertThat(check.runtime()).as("nothing was started").isEmpty();
        }
        String yaml = Files.readString(config.resolve("kiosk.yaml"));
        Files.writeString(config.resolve("kiosk.yaml"), yaml.replace("kiosk:\n", "kiosk:\n  testInstallation: true\n"));
        assertThat(org.openkiosk.app.config.ConfigLoader.load(config).kiosk().testInstallation()).isTrue();
        assertThat(StartupChecks.simulatorsRefused(org.openkiosk.app.config.ConfigLoader.load(config))).isEmpty();
    }

    static Path copyRepositoryConfig(Path target) throws IOException {
        Path source = Paths.get("..", "config").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }
}
