package org.openkiosk.app.cli.escpos;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.openkiosk.app.cli.ExitCodes;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.escpos.PaperWidth;
import org.openkiosk.device.escpos.Receipt;
import org.openkiosk.device.escpos.ReceiptJob;
import org.openkiosk.device.escpos.ReceiptPrinter;
import org.openkiosk.device.escpos.TestPage;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kiosk receipt print --to URI (--test-page | --text TEXT)}. */
@Command(name = "print", mixinStandardHelpOptions = true,
        description = {"Print the test page or a text on a receipt printer, after checking its status.",
                "The job is confirmed by the printer (GS r) before the command ends."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:printed and confirmed (or sent, with --no-confirm)", "2:bad usage or URI",
                "3:printer unreachable or not answering",
                "4:device fault (paper end, cover open, cutter error …), reason on stderr",
                "5:sent whole, but this model cannot confirm jobs (no reply to GS r): look at the printer before "
                        + "printing again; --no-confirm for such models"})
public final class ReceiptPrintCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    PrinterConnection connection;

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    static final class What {
        @Option(names = "--test-page", required = true, description = "Sizes, Chinese text, a rare character as bitmap, a QR code, a cut.")
        boolean testPage;

        @Option(names = "--text", required = true, paramLabel = "TEXT", description = "Text to print; \\n starts a new line.")
        String text;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReceiptPrinter printer;
        Receipt receipt;
        try {
            printer = connection.create();
            PaperWidth paper = printer.options().paper();
            receipt = what.testPage ? TestPage.receipt(paper) : textReceipt(what.text);
        } catch (IllegalArgumentException e) {
            err.println("receipt print: " + e.getMessage());
            return ExitCodes.BAD_CONFIGURATION;
        }
        try (printer) {
            printer.open();
            printer.claim();
            printer.enable();
            ReceiptJob job = printer.submit(receipt);
            String paper = printer.lastStatus().map(s -> " (paper " + s.paper() + ")").orElse(" (status unknown)");
            if (job.confirmed()) {
                out.println("printed job " + job.id() + " on " + printer.description() + paper);
                return ExitCodes.OK;
            }
            out.println("sent job " + job.id() + " on " + printer.description() + paper + ": " + job.note());
            if (printer.confirmsJobs().orElse(true)) {
                return ExitCodes.OK; // not asked (--no-confirm) or a one-way link: nothing more to know
            }
            err.println("receipt print: every byte was sent, but this printer model cannot confirm jobs (no reply to "
                    + "GS r): look at the printer before printing again; use --no-confirm for this model");
            return ExitCodes.SENT_UNCONFIRMED;
        } catch (DeviceException e) {
            err.println("receipt print: " + e.getMessage());
            return PrinterConnection.exitCodeFor(e);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static Receipt textReceipt(String text) {
        Receipt.Builder b = Receipt.builder();
        for (String line : text.replace("\\n", "\n").split("\n", -1)) {
            b.line(line);
        }
        return b.cut().build();
    }
}
