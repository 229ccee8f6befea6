package org.openkiosk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An unknown command exits 2 with "unknown command", whatever follows it (--help included). */
class UnknownCommandTest {

    @Test
    void anUnknownCommandFollowedByHelpIsStillUnknown() {
        CommandRun run = CommandRun.of("nosuchcommand", "--help");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_CONFIGURATION);
        assertThat(run.err()).startsWith("kiosk: unknown command \"nosuchcommand\" (known: ").contains("doctor");
        assertThat(run.out()).as("no help printed as if the command existed").isEmpty();
    }

    @Test
    void anUnknownCommandAloneOrWithOtherArgumentsIsUnknown() {
        for (String[] args : new String[][] {{"nosuchcommand"}, {"nosuchcommand", "--json", "x"},
                {"--config", "/tmp", "nosuchcommand", "-h"}}) {
            CommandRun run = CommandRun.of(args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCodes.BAD_CONFIGURATION);
            assertThat(run.err()).as(String.join(" ", args)).contains("unknown command \"nosuchcommand\"");
        }
    }

    @Test
    void anUnknownSubCommandOfAGroupIsUnknownToo() {
        CommandRun run = CommandRun.of("config", "nosuch", "--help");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_CONFIGURATION);
        assertThat(run.err()).startsWith("kiosk config: unknown command \"nosuch\" (known: validate");
    }

    @Test
    void helpOfRealCommandsStillExitsZero() {
        assertThat(CommandRun.of("--help").exitCode()).isZero();
        assertThat(CommandRun.of("config", "validate", "--help").exitCode()).isZero();
        assertThat(CommandRun.of("help", "doctor").exitCode()).isZero();
        CommandRun unknownOption = CommandRun.of("config", "validate", "--strict", "--help");
        assertThat(unknownOption.exitCode()).isEqualTo(ExitCodes.BAD_CONFIGURATION);
        assertThat(unknownOption.err()).contains("Unknown option: '--strict'");
    }
}
