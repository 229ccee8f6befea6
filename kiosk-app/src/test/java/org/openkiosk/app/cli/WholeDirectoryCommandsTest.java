package org.openkiosk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code config validate} covers services.yaml too; the store commands find the store through kiosk.yaml. */
class WholeDirectoryCommandsTest {

    @TempDir
    Path tmp;

    @Test
    void configValidateListsServicesYamlProblemsWithTheKioskYamlOnes() throws Exception {
        Path config = StartupChecksTest.copyRepositoryConfig(tmp.resolve("config"));
        Files.writeString(config.resolve("services.yaml"), "zone: Asia/Shanghai\nservicez: []\n");

        CommandRun run = CommandRun.of("config", "validate", config.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_CONFIGURATION);
        assertThat(run.outLines()[0]).startsWith("services.yaml:1 checkIn: missing");
        assertThat(run.outLines()[1]).isEqualTo("services.yaml:2 servicez: unknown key \"servicez\" (did you mean \"services\"?)");
        assertThat(run.out()).contains("configuration INVALID: 2 problems in " + config);
    }

    @Test
    void aValidDirectoryReportsTheCatalogueToo() throws Exception {
        Path config = StartupChecksTest.copyRepositoryConfig(tmp.resolve("config"));
        CommandRun run = CommandRun.of("config", "validate", config.toString());

        assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).containsPattern("services\\.yaml: \\d+ services \\(\\d+ bookable\\), 3 certificate types");
    }

    @Test
    void storeCommandsUseTheStoreNamedInKioskYaml() throws Exception {
        Path config = StartupChecksTest.copyRepositoryConfig(tmp.resolve("config"));
        Path storeFile = tmp.resolve("elsewhere").resolve("hall-store");
        Path kioskYaml = config.resolve("kiosk.yaml");
        Files.writeString(kioskYaml, Files.readString(kioskYaml)
                .replace("type: embedded ", "url: " + storeFile + "\n  type: embedded "));

        CommandRun run = CommandRun.of("store", "migrate", "--config", config.toString(), "--data",
                tmp.resolve("data").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Path.of(storeFile + ".mv.db")).exists();
        assertThat(tmp.resolve("data").resolve("kiosk-store.mv.db")).doesNotExist();
    }

    @Test
    void anInvalidKioskYamlStopsTheStoreCommandWithTheProblem() throws Exception {
        Path config = StartupChecksTest.copyRepositoryConfig(tmp.resolve("config"));
        Files.writeString(config.resolve("kiosk.yaml"), Files.readString(config.resolve("kiosk.yaml"))
                .replace("type: embedded ", "type: sqlite "));

        CommandRun run = CommandRun.of("store", "migrate", "--config", config.toString(), "--data",
                tmp.resolve("data").toString());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("is not valid").contains("sqlite").contains("--store-url");
    }
}
