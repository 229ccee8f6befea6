package org.openkiosk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Starting the kiosk builds only its own sub-command (ADR 0128); everything else sees them all. */
class StartPathCommandLineTest {

    @Test
    void runAndDemoAfterTheGlobalOptionsBuildOnlyThemselves() {
        assertThat(KioskCommand.commandLine("demo", "--windowed").getSubcommands()).containsOnlyKeys("demo");
        assertThat(KioskCommand.commandLine("--config", "/etc/x", "--data=/d", "run").getSubcommands())
                .containsOnlyKeys("run");
    }

    @Test
    void anyOtherCommandLineHasEverySubCommand() {
        int all = KioskCommand.SUBCOMMANDS.size();
        assertThat(KioskCommand.commandLine().getSubcommands()).hasSize(all);
        assertThat(KioskCommand.commandLine("doctor").getSubcommands()).hasSize(all).containsKeys("run", "demo");
        assertThat(KioskCommand.commandLine("--help").getSubcommands()).hasSize(all);
        assertThat(KioskCommand.commandLine("--config", "demo").getSubcommands()).as("demo is the directory here")
                .hasSize(all);
        assertThat(KioskCommand.commandLine().getSubcommands()).containsKeys("help", "fleet", "version");
    }

    @Test
    void theStartPathStillReadsTheGlobalDirectoriesAndReportsUnknownOptions() {
        CommandRun bad = CommandRun.of("demo", "--no-such-option");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.BAD_CONFIGURATION);
        assertThat(bad.err()).contains("Unknown option: '--no-such-option'");
        CommandRun check = CommandRun.of("--config", "/nowhere-at-all", "run", "--check");
        assertThat(check.exitCode()).isEqualTo(ExitCodes.BAD_CONFIGURATION);
        assertThat(check.err()).contains("/nowhere-at-all");
    }

    /** Main starts JavaFX before picocli and Logback only for these (ADR 0179); the runner decides for the rest. */
    @Test
    void onlyAKioskThatOpensAWindowStartsJavaFxBeforeTheCommandLineIsParsed() {
        assertThat(KioskCommand.opensTheShell("demo", "--windowed")).isTrue();
        assertThat(KioskCommand.opensTheShell("--config", "/etc/x", "run")).isTrue();
        assertThat(KioskCommand.opensTheShell("demo", "--screenshot", "a.png")).isTrue();
        assertThat(KioskCommand.opensTheShell("run", "--check")).isFalse();
        assertThat(KioskCommand.opensTheShell("demo", "--headless")).isFalse();
        assertThat(KioskCommand.opensTheShell("demo", "--help")).isFalse();
        assertThat(KioskCommand.opensTheShell("doctor")).isFalse();
        assertThat(KioskCommand.opensTheShell()).isFalse();
        assertThat(KioskCommand.opensTheShell("--config", "demo")).as("demo is the directory here").isFalse();
    }
}
