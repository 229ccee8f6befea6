package org.openkiosk.app.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level {@code kiosk} command; every function is a sub-command. The sub-commands are added in
 * {@link #commandLine(String...)}, not listed in the annotation, so that starting the kiosk ({@code run},
 * {@code demo}) does not make picocli reflect over all the others first (ADR 0128).
 */
@Command(name = "kiosk",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = "Self-service kiosk terminal for 24-hour government self-service halls.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:normal end",
                "1:unexpected failure",
                "2:bad configuration or usage",
                "3:out of service / nothing arrived before the timeout",
                "4:device fault"
        })
public final class KioskCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Global {@code --config DIR}, read by sub-commands through {@link DirectoryOptions}. */
    @CommandLine.Option(names = "--config", paramLabel = "DIR",
            description = "Configuration directory for every sub-command (default: $KIOSK_CONFIG, else <kiosk home>/config).")
    String configDir;

    /** Global {@code --data DIR}, read by sub-commands through {@link DirectoryOptions}. */
    @CommandLine.Option(names = "--data", paramLabel = "DIR",
            description = "Data directory for logs and the embedded store (default: $KIOSK_DATA, else <kiosk home>/data).")
    String dataDir;

    /** Every sub-command, in the order the help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            VersionCommand.class,
            RunCommand.class,
            DemoCommand.class,
            ConfigCommand.class,
            DoctorCommand.class,
            DevicesCommand.class,
            org.openkiosk.app.cli.store.StoreCommand.class,
            org.openkiosk.app.cli.store.AuditCommand.class,
            org.openkiosk.app.cli.store.RatingsCommand.class,
            org.openkiosk.app.cli.store.ServicesCommand.class,
            org.openkiosk.app.cli.idcard.IdCardCommand.class,
            org.openkiosk.app.cli.escpos.ReceiptCommand.class,
            org.openkiosk.app.cli.scanner.ScannerCommand.class,
            SimulateCommand.class,
            org.openkiosk.app.cli.certificate.CertificateCommand.class,
            org.openkiosk.app.cli.a4.PrintCommand.class,
            org.openkiosk.app.cli.a4.ScanCommand.class,
            org.openkiosk.app.cli.maintenance.MaintenanceCommand.class,
            org.openkiosk.app.cli.maintenance.DiagnosticsCommand.class,
            org.openkiosk.app.cli.fleet.FleetCommandGroup.class,
            CommandLine.HelpCommand.class);

    /** The sub-commands that start the kiosk: the start-up path, where picocli builds only the one asked for. */
    static final List<Class<?>> START_COMMANDS = List.of(RunCommand.class, DemoCommand.class);

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Builds the command line with the kiosk's exit-code conventions, every sub-command included. */
    public static CommandLine commandLine() {
        return commandLine(SUBCOMMANDS);
    }

    /**
     * The command line for {@code args}: when they start the kiosk ({@code [--config DIR] [--data DIR] run|demo …}),
     * with that sub-command only, else with all of them.
     */
    public static CommandLine commandLine(String... args) {
        Class<?> start = startCommand(args);
        return commandLine(start == null ? SUBCOMMANDS : List.of(start));
    }

    /** Options after {@code run}/{@code demo} that mean no JavaFX window (or one on another platform) opens. */
    private static final List<String> NO_WINDOW_OPTIONS = List.of("--check", "--headless", "-h", "--help", "-V",
            "--version");

    /**
     * Starts the JavaFX toolkit and the fonts on another thread right away when {@code args} start the kiosk's shell
     * on this display ({@code run}/{@code demo} without {@code --check}, {@code --headless} or help), so that it
     * overlaps with parsing the command line, the logging set-up and the configuration instead of waiting for them
     * (ADR 0179). Anything else (other commands, no display) starts nothing; {@code KioskRunner} still makes the
     * final decision and starts it itself where this did not.
     */
    public static void startToolkitIfTheShellStarts(String... args) {
        if (opensTheShell(args) && KioskRunner.Displays.available()) {
            org.openkiosk.app.ui.ToolkitStart.start(); // not KioskLauncher: its logger would set up Logback first
        }
    }

    /** Whether {@code args} start the kiosk's shell in a window: {@code run}/{@code demo} without the options above. */
    static boolean opensTheShell(String... args) {
        if (startCommand(args) == null) {
            return false;
        }
        for (String a : args) {
            if (NO_WINDOW_OPTIONS.contains(a) || a.startsWith("--check=") || a.startsWith("--headless=")) {
                return false;
            }
        }
        return true;
    }

    /** The {@code run} or {@code demo} command {@code args} name after the global options only, else null. */
    static Class<?> startCommand(String... args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--config") || a.equals("--data")) {
                i++; // its value
            } else if (!(a.startsWith("--config=") || a.startsWith("--data="))) {
                for (Class<?> c : START_COMMANDS) {
                    if (c.getAnnotation(Command.class).name().equals(a)) {
                        return c;
                    }
                }
                return null;
            }
        }
        return null;
    }

    private static CommandLine commandLine(List<Class<?>> subcommands) {
        CommandLine cl = new CommandLine(new KioskCommand());
        for (Class<?> c : subcommands) {
            cl.addSubcommand(c);
        }
        cl.setExitCodeExceptionMapper(t -> ExitCodes.FAILURE);
        cl.setParameterExceptionHandler((ex, args) -> {
            if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()
                    && isUnknownCommand(ex.getCommandLine(), u.getUnmatched())) {
                return unknownCommand(ex.getCommandLine(), u.getUnmatched().get(0));
            }
            ex.getCommandLine().getErr().println(ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return ExitCodes.BAD_CONFIGURATION;
        });
        // picocli keeps words it did not match when --help is also given, and would print the help and exit 0:
        // "kiosk nosuchcommand --help" must fail like "kiosk nosuchcommand"
        CommandLine.IExecutionStrategy runLast = new CommandLine.RunLast();
        cl.setExecutionStrategy(parsed -> {
            CommandLine.ParseResult deepest = parsed;
            while (deepest.hasSubcommand()) {
                deepest = deepest.subcommand();
            }
            List<String> unmatched = deepest.unmatched();
            if (!unmatched.isEmpty()) {
                CommandLine command = deepest.commandSpec().commandLine();
                if (isUnknownCommand(command, unmatched)) {
                    return unknownCommand(command, unmatched.get(0));
                }
                command.getErr().println((unmatched.get(0).startsWith("-") ? "Unknown option: '" : "Unmatched argument: '")
                        + unmatched.get(0) + "'");
                command.usage(command.getErr());
                return ExitCodes.BAD_CONFIGURATION;
            }
            return runLast.execute(parsed);
        });
        return cl;
    }

    /** A word where a command with sub-commands expects the name of one. */
    private static boolean isUnknownCommand(CommandLine command, List<String> unmatched) {
        return !command.getSubcommands().isEmpty() && !unmatched.get(0).startsWith("-");
    }

    private static int unknownCommand(CommandLine command, String word) {
        java.io.PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": unknown command \"" + word + "\" (known: "
                + String.join(", ", command.getSubcommands().keySet()) + ")");
        err.flush();
        return ExitCodes.BAD_CONFIGURATION;
    }
}
