package org.openkiosk.app.cli.fleet;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.openkiosk.app.cli.ExitCodes;
import org.openkiosk.app.config.ConfigException;
import org.openkiosk.app.config.ConfigProblem;
import org.openkiosk.app.console.demo.DemoHall;
import org.openkiosk.app.supervision.StopSignal;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"A whole hall on this machine: a private Mosquitto, N demo kiosks on simulated devices with "
                + "their fleet links, a script that places cards, runs paper out and calls for help, and the operator "
                + "console. Prints the console's address and this run's demo logins. Ctrl-C stops everything.",
                "Needs Debian's mosquitto package (docs/console.md)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped (Ctrl-C or SIGTERM)", "2:bad usage or demo configuration",
                "3:Mosquitto is missing or something did not start"})
public final class FleetDemoCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--kiosks", defaultValue = "3", paramLabel = "N",
            description = "how many kiosks, 1–20 (default: ${DEFAULT-VALUE})")
    int kiosks;

    @Option(names = "--listen", defaultValue = "127.0.0.1:8080", paramLabel = "HOST:PORT",
            description = "where the console listens (default: ${DEFAULT-VALUE}; port 0: any free port)")
    String listen;

    @Option(names = "--pace", defaultValue = "5", paramLabel = "SECONDS",
            description = "seconds between the demo script's steps (default: ${DEFAULT-VALUE})")
    int pace;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        InetSocketAddress address;
        try {
            address = FleetConsoleCommand.address(listen);
        } catch (IllegalArgumentException e) {
            err.println("--listen: " + e.getMessage());
            return ExitCodes.BAD_CONFIGURATION;
        }
        if (kiosks < 1 || kiosks > 20) { // before the signal handlers are taken over
            err.println("--kiosks must be 1–20, got " + kiosks);
            return ExitCodes.BAD_CONFIGURATION;
        }
        if (pace < 1) {
            err.println("--pace must be at least 1 second");
            return ExitCodes.BAD_CONFIGURATION;
        }
        // the installation's own demo configuration, as `kiosk demo` uses (never $KIOSK_CONFIG)
        Path config = Paths.get(System.getProperty("kiosk.home", ".")).resolve("config");
        StopSignal.install(); // Ctrl-C and SIGTERM stop the hall cleanly and the program exits 0
        CountDownLatch stop = new CountDownLatch(1);
        StopSignal.onStop(stop::countDown);
        out.println("demo: starting a hall of " + kiosks + " kiosk(s)…");
        out.flush();
        DemoHall hall;
        try {
            hall = DemoHall.start(config, kiosks, address, Duration.ofSeconds(pace), out);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return ExitCodes.BAD_CONFIGURATION;
        } catch (ConfigException e) {
            e.problems().stream().map(ConfigProblem::toString).forEach(err::println);
            return ExitCodes.BAD_CONFIGURATION;
        } catch (IOException e) {
            err.println("demo: " + e.getMessage());
            return ExitCodes.OUT_OF_SERVICE;
        }
        try (hall) {
            out.println("demo: kiosks " + String.join(", ", hall.kioskIds()) + " on a private Mosquitto at 127.0.0.1:"
                    + hall.brokerPort());
            out.println("demo: console " + hall.consoleUrl());
            for (DemoHall.DemoLogin login : hall.logins()) {
                out.println("demo: login " + login.user() + " / " + login.password() + "  (" + login.role() + ")");
            }
            out.println("demo: these accounts, the operator key and the audit log exist for this run only, in "
                    + hall.directory());
            out.println("demo: Ctrl-C stops the hall");
            out.flush();
            stop.await();
            out.println("demo: stopping…");
            out.flush();
        }
        out.println("demo: stopped");
        out.flush();
        return ExitCodes.OK;
    }
}
