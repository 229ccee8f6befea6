package org.openkiosk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.ui.startup.StartupProblem;
import org.openkiosk.app.ui.startup.StartupResult;

/**
 * Certificate templates and services.yaml go through the same located validation as kiosk.yaml: every problem of
 * every file at once with file:line, exit 2, and a kiosk with any of them stays out of service (E-CONFIG).
 */
class WholeConfigurationValidationTest {

    @TempDir
    Path tmp;

    @Test
    void problemsOfEveryFileAndAcrossFilesAreListedTogether() throws Exception {
        Path config = StartupChecksTest.copyRepositoryConfig(tmp.resolve("config"));
        replace(config.resolve("kiosk.yaml"), "hallId: H-3101", "hallId: H 3101");
        // services.yaml offers a certificate whose template was removed
        Files.delete(config.resolve("certificates/household-registration.yaml"));
        // a template with an unknown key and a placeholder that is not one of its fields
        replace(config.resolve("certificates/residence.yaml"), "footer:", "footr:");
        replace(config.resolve("certificates/residence.yaml"), "居住在{address}", "居住在{adress}");

        CommandRun run = CommandRun.of("config", "validate", config.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_CONFIGURATION);
        String[] lines = run.outLines();
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).matches("kiosk\\.yaml:\\d+ kiosk\\.hallId: \"H 3101\" is not a valid id .*");
        assertThat(lines[1]).isEqualTo("certificates/residence.yaml:6 body[0]: {adress} is not a field of this "
                + "template (declare it under fields:, or use one of idNumber, issueDate, name, number, address, since)");
        assertThat(lines[2]).isEqualTo("certificates/residence.yaml:9 footr: unknown key \"footr\" (did you mean "
                + "\"footer\"?)");
        assertThat(lines[3]).isEqualTo("services.yaml:68 certificates[1].type: no certificate template "
                + "certificates/household-registration.yaml (add the template, or remove this entry to stop offering "
                + "the certificate)");
        assertThat(lines[4]).isEqualTo("configuration INVALID: 4 problems in " + config);
    }

    @Test
    void aTemplateProblemKeepsTheKioskOutOfServiceWithTheConfigurationCode() throws Exception {
        Path config = StartupChecksTest.copyRepositoryConfig(tmp.resolve("config"));
        Path template = config.resolve("certificates/no-criminal-record.yaml");
        replace(template, "title: 无犯罪记录证明", "titel: 无犯罪记录证明");

        try (StartupChecks.WithRuntime check = StartupChecks.withRuntime(config, tmp.resolve("data"), true,
                Clock.systemDefaultZone())) {
            StartupResult result = check.check();
            assertThat(result).isInstanceOf(StartupResult.OutOfService.class);
            assertThat(((StartupResult.OutOfService) result).problems()).containsExactly(
                    new StartupProblem(StartupProblem.CONFIG, "certificates/no-criminal-record.yaml:3 title: missing "
                            + "(e.g. title: 无犯罪记录证明)"),
                    new StartupProblem(StartupProblem.CONFIG, "certificates/no-criminal-record.yaml:5 titel: unknown "
                            + "key \"titel\" (did you mean \"title\"?)"));
            assertThat(check.runtime()).as("no half-configured kiosk is built").isEmpty();

            replace(template, "titel: 无犯罪记录证明", "title: 无犯罪记录证明");
            assertThat(check.check()).isInstanceOf(StartupResult.Ready.class);
        }
    }

    @Test
    void runCheckExitsWithTwoNamingTheTemplateLine() throws Exception {
        Path config = StartupChecksTest.copyRepositoryConfig(tmp.resolve("config"));
        replace(config.resolve("certificates/residence.yaml"), "fields: [address, since]", "fields: [address]");

        CommandRun run = CommandRun.of("run", "--check", "--config", config.toString(), "--data",
                tmp.resolve("data").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_CONFIGURATION);
        assertThat(run.err()).contains("E-CONFIG  certificates/residence.yaml:6 body[0]: {since} is not a field of "
                + "this template");
    }

    @Test
    void aFileNestedTooDeepIsOneLocatedProblemAndExitTwo() throws Exception {
        // ADR 0204: services.yaml, the deepest of the files (6 levels), with a value nested 40 deep on its last line
        Path config = StartupChecksTest.copyRepositoryConfig(tmp.resolve("config"));
        Path services = config.resolve("services.yaml");
        long lines = Files.readAllLines(services).size();
        Files.writeString(services, Files.readString(services) + "deep: " + "[".repeat(40) + "]".repeat(40) + "\n");

        CommandRun run = CommandRun.of("config", "validate", config.toString());

        assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCodes.BAD_CONFIGURATION);
        assertThat(run.outLines()).containsExactly("services.yaml:" + (lines + 1) + " YAML syntax error: nesting "
                        + "exceeds the limit of 32 levels of mappings and lists (the configuration files need at most 6) "
                        + "(a configuration file is a few kilobytes and a few levels deep: look for text pasted in by "
                        + "mistake)",
                "configuration INVALID: 1 problem in " + config);
    }

    @Test
    void theRepositoryConfigurationReportsItsTemplates() {
        CommandRun run = CommandRun.of("config", "validate", ConfigValidateCommandTest.REPO_CONFIG);

        assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("certificates/: 3 templates [household-registration, no-criminal-record, "
                + "residence]");
    }

    private static void replace(Path file, String from, String to) throws Exception {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }
}
