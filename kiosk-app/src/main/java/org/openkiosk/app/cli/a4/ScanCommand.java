package org.openkiosk.app.cli.a4;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.openkiosk.app.cli.ExitCodes;
import org.openkiosk.device.DeviceException;
import org.openkiosk.device.docscan.DecodedCode;
import org.openkiosk.device.docscan.DocumentScannerDevice;
import org.openkiosk.device.docscan.ScannedPage;
import org.openkiosk.device.transport.TransportUri;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Scan one page from a document scanner (SANE or simulator), save it and print the codes found.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:scanned", "2:bad usage", "4:scanner fault (jammed, no document, cover open …)"})
public final class ScanCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--device", required = true, paramLabel = "URI",
            description = "sane:DEVICE[?resolution=200&…] (e.g. sane:test) or sim:")
    String device;

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "where to save the page (PNG)")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TransportUri uri;
        try {
            uri = TransportUri.parse(device);
            new DocumentScannerDevice("documentScanner", uri).close();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return ExitCodes.BAD_CONFIGURATION;
        }
        try (DocumentScannerDevice scanner = new DocumentScannerDevice("documentScanner", uri)) {
            scanner.open();
            scanner.claim();
            scanner.enable();
            try (ScannedPage page = scanner.scan()) {
                ImageIO.write(page.image(), "png", out.toFile());
                stdout.println("wrote " + out + " (" + page.width() + "×" + page.height() + ")");
                stdout.println(page.codes().size() + " code(s) found");
                for (DecodedCode code : page.codes()) {
                    stdout.println("  " + code);
                }
            }
            return ExitCodes.OK;
        } catch (DeviceException e) {
            err.println("scan failed: " + e.getMessage() + " — " + e.action().description());
            return ExitCodes.DEVICE_FAULT;
        }
    }
}
