package org.openkiosk.app.cli.fleet;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import java.util.concurrent.CountDownLatch;
import org.openkiosk.app.certificate.CertificateKeys;
import org.openkiosk.app.cli.ExitCodes;
import org.openkiosk.app.config.ConfigException;
import org.openkiosk.app.config.ConfigProblem;
import org.openkiosk.app.config.ConsoleStaffFile;
import org.openkiosk.app.console.OperatorConsole;
import org.openkiosk.app.fleet.command.CommandSigner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "console", mixinStandardHelpOptions = true,
        description = {"The hall's operator console: a web page with every kiosk live, citizens' help calls and "
                + "actions sent as signed commands. Staff log in with the accounts of --staff (docs/console.md)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "2:bad usage, staff file or key", "3:the broker cannot be reached"})
public final class FleetConsoleCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    OperatorConnection connection;

    @Option(names = "--listen", defaultValue = "127.0.0.1:8080", paramLabel = "HOST:PORT",
            description = "where the web page listens (default: ${DEFAULT-VALUE}: this machine only)")
    String listen;

    @Option(names = "--staff", defaultValue = ConsoleStaffFile.FILE_NAME, paramLabel = "FILE",
            description = "staff accounts with roles and password hashes (default: ${DEFAULT-VALUE})")
    Path staff;

    @Option(names = "--key", required = true, paramLabel = "OPERATOR.private.pem",
            description = "the console's operator key (kiosk fleet keygen); the kiosks list its public half")
    Path key;

    @Option(names = "--audit", defaultValue = "console-audit.jsonl", paramLabel = "FILE",
            description = "where every login and action is recorded with the staff member's name (default: ${DEFAULT-VALUE})")
    Path audit;

    @Option(names = "--audit-key", paramLabel = "FILE",
            description = "the audit log's HMAC key, created owner-only when missing (default: the audit file + .key)")
    Path auditKey;

    @Option(names = "--tls-cert", paramLabel = "CERT.pem",
            description = "serve HTTPS with this certificate chain (PEM), together with --tls-key")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "KEY.pem",
            description = "the certificate's PKCS#8 private key (PEM, EC or RSA)")
    Path tlsKey;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if ((tlsCert == null) != (tlsKey == null)) {
            err.println("--tls-cert and --tls-key go together");
            return ExitCodes.BAD_CONFIGURATION;
        }
        InetSocketAddress address;
        try {
            address = address(listen);
        } catch (IllegalArgumentException e) {
            err.println("--listen: " + e.getMessage());
            return ExitCodes.BAD_CONFIGURATION;
        }
        List<ConsoleStaffFile.StaffAccount> accounts;
        try {
            accounts = ConsoleStaffFile.load(staff);
        } catch (ConfigException e) {
            e.problems().stream().map(ConfigProblem::toString).forEach(err::println);
            return ExitCodes.BAD_CONFIGURATION;
        }
        CommandSigner signer;
        try {
            signer = new CommandSigner(CertificateKeys.readPrivate(key), CertificateKeys.keyIdOf(key));
        } catch (IOException | IllegalArgumentException e) {
            err.println("--key: " + e.getMessage());
            return ExitCodes.BAD_CONFIGURATION;
        }
        Optional<SSLContext> tls = Optional.empty();
        if (tlsCert != null) {
            try {
                tls = Optional.of(OperatorConsole.serverTls(tlsCert, tlsKey));
            } catch (IOException e) {
                err.println("--tls-cert/--tls-key: " + e.getMessage());
                return ExitCodes.BAD_CONFIGURATION;
            }
        }
        OperatorConsole.StateFiles files = OperatorConsole.StateFiles.beside(audit);
        if (auditKey != null) {
            files = new OperatorConsole.StateFiles(audit, auditKey, files.lockOuts());
        }
        OperatorConsole console;
        try {
            console = OperatorConsole.start(connection.clientBuilder(), address, accounts, signer, files, tls,
                    Clock.systemUTC());
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            err.println(e.getMessage());
            return ExitCodes.BAD_CONFIGURATION;
        } catch (IOException e) {
            err.println(e.getMessage());
            return ExitCodes.OUT_OF_SERVICE;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("console: " + console.scheme() + "://" + address.getHostString() + ":" + console.port() + "/  ("
                + accounts.size() + " staff account(s); audit log " + audit.toAbsolutePath() + ")");
        if (!address.getAddress().isLoopbackAddress() && tls.isEmpty()) {
            out.println("console: listening beyond this machine without TLS: give it --tls-cert/--tls-key or put it "
                    + "behind HTTPS (the session cookie is Secure)");
        }
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            console.close();
            stopped.countDown();
        }, "console-stop"));
        stopped.await();
        return ExitCodes.OK;
    }

    static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("expected HOST:PORT, e.g. 127.0.0.1:8080, got " + hostPort);
        }
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the port of " + hostPort + " is not a number");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not 0–65535");
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(hostPort.substring(0, colon)), port);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + hostPort.substring(0, colon));
        }
    }
}
