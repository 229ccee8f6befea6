package org.openkiosk.app.cli.fleet;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.openkiosk.app.cli.ExitCodes;
import org.openkiosk.app.config.ConsoleStaffFile;
import org.openkiosk.app.console.PasswordHash;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "console-password", mixinStandardHelpOptions = true,
        description = {"Ask for a staff member's password and print their entry for console-staff.yaml "
                + "(the password is stored only as a PBKDF2 hash)."})
public final class FleetConsolePasswordCommand implements Callable<Integer> {

    /** Shorter passwords are refused: the console may face a hall network. */
    static final int MIN_LENGTH = 10;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--user", required = true, description = "log-in name, e.g. wang.fang")
    String user;

    @Option(names = "--name", required = true, description = "the name the audit log records, e.g. 王芳")
    String name;

    @Option(names = "--role", defaultValue = ConsoleStaffFile.VIEWER,
            description = "viewer (sees the hall) or operator (may also send commands); default ${DEFAULT-VALUE}")
    String role;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        if (!role.equals(ConsoleStaffFile.VIEWER) && !role.equals(ConsoleStaffFile.OPERATOR)) {
            err.println("--role must be viewer or operator");
            return ExitCodes.BAD_CONFIGURATION;
        }
        char[] password;
        Console console = System.console();
        if (console != null) {
            password = console.readPassword("password for %s: ", user);
            char[] again = console.readPassword("again: ");
            if (password == null || !java.util.Arrays.equals(password, again)) {
                err.println("the two passwords differ");
                return ExitCodes.BAD_CONFIGURATION;
            }
        } else { // piped, e.g. from a password manager
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            password = line == null ? new char[0] : line.toCharArray();
        }
        if (password.length < MIN_LENGTH) {
            err.println("the password needs at least " + MIN_LENGTH + " characters");
            return ExitCodes.BAD_CONFIGURATION;
        }
        String hash = PasswordHash.hash(password);
        java.util.Arrays.fill(password, '\0');
        var out = spec.commandLine().getOut();
        out.println("  - user: " + user);
        out.println("    name: \"" + name.replace("\"", "") + "\"");
        out.println("    role: " + role);
        out.println("    passwordHash: \"" + hash + "\"");
        return ExitCodes.OK;
    }
}
