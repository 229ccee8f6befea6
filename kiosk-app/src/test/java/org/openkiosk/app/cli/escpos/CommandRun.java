package org.openkiosk.app.cli.escpos;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.openkiosk.app.cli.KioskCommand;
import picocli.CommandLine;

/** Runs {@code kiosk ARGS…} in-process and keeps exit code, stdout and stderr. */
public record CommandRun(int exitCode, String out, String err) {

    public static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = KioskCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }
}
