package org.openkiosk.app.cli.idcard;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openkiosk.app.cli.ExitCodes;
import org.openkiosk.device.idcard.CardType;
import org.openkiosk.device.idcard.sim.IdCardSimulatorServer;
import org.openkiosk.device.idcard.sim.SimScenario;
import org.openkiosk.device.idcard.sim.SyntheticCards;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kiosk simulate idcard}: a GA 467 reader simulator on a new pty (path printed) or a TCP port. */
@Command(name = "idcard", mixinStandardHelpOptions = true,
        description = "Simulate a GA 467 ID card reader on a new pseudo-terminal (its path is printed) until Ctrl-C.")
public final class SimulateIdCardCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--scenario", defaultValue = "card-present",
            description = "card-present, no-card, card-late, card-removed-mid-read, checksum-error, module-fault, silent (default ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--card-type", defaultValue = "resident",
            description = "resident, hk-macao-taiwan-permit (or J), foreigner-2023 (Y), foreigner-2017 (I) (default ${DEFAULT-VALUE}).")
    String cardType;

    @Option(names = "--tcp", paramLabel = "PORT", description = "Serve on 127.0.0.1:PORT instead of a pty.")
    Integer tcpPort;

    @Option(names = "--link", paramLabel = "PATH", description = "Also create a symbolic link PATH to the pty.")
    Path link;

    @Option(names = "--pace", paramLabel = "BAUD", defaultValue = "0",
            description = "Pace replies at this baud rate, like a real UART (0 = as fast as possible).")
    int paceBaud;

    @Option(names = "--duration", hidden = true, paramLabel = "S", description = "Stop after S seconds (for tests).")
    Double durationSeconds;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SimScenario s;
        CardType type;
        try {
            s = SimScenario.parse(scenario);
            type = parseCardType(cardType);
        } catch (IllegalArgumentException e) {
            err.println("simulate idcard: " + e.getMessage());
            return ExitCodes.BAD_CONFIGURATION;
        }
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        try (IdCardSimulatorServer server = tcpPort != null
                ? IdCardSimulatorServer.onTcp(tcpPort, s, SyntheticCards.of(type), paceBaud)
                : IdCardSimulatorServer.onPty(link, s, SyntheticCards.of(type), paceBaud)) {
            // on Ctrl-C, let the main thread unplug the simulator (pty, link) before the JVM goes
            Thread hook = new Thread(() -> {
                stop.countDown();
                try {
                    closed.await(2, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "simulate-idcard-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            out.println(server.address());
            out.println("# GA 467 ID card reader simulator: scenario " + s.cliName() + " (" + s.description() + "), "
                    + type + " card of a fictional person. Ctrl-C stops it.");
            if (tcpPort == null) {
                out.println("# try: ./kiosk idcard read --port " + server.address());
            }
            out.flush();
            if (durationSeconds != null) {
                stop.await((long) (durationSeconds * 1000), TimeUnit.MILLISECONDS);
            } else {
                stop.await();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the JVM is already stopping
            }
        } finally {
            closed.countDown();
        }
        return ExitCodes.OK;
    }

    static CardType parseCardType(String text) {
        return CardType.parse(text);
    }
}
