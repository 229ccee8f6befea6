package org.openkiosk.testsupport;



import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real IPP Everywhere printer process ({@code ippeveprinter} from cups-ipp-utils) in a temporary directory,
 * keeping every received job ({@code -k}). Started and stopped by PID; tests skip when the tool is absent.
 */
public final class IppEvePrinter implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path spool;
    private final Path keys;
    /** For a printer that holds each job: where its print command marks a held job and waits; else null. */
    private final Path holds;

    private IppEvePrinter(Process process, int port, Path spool, Path keys, Path holds) {
        this.process = process;
        this.port = port;
        this.spool = spool;
        this.keys = keys;
        this.holds = holds;
    }

    public static boolean available() {
        return onPath("ippeveprinter") && onPath("dbus-daemon");
    }

    /** Starts a printer; skips the calling test with the reason when it cannot run here. */
    public static IppEvePrinter start(Path dir) throws Exception {
        return start(dir, List.of());
    }

    /**
     * A printer that "prints" by running {@code command} on each document ({@code -c}) instead of ippeveprinter's
     * simulated printing, which takes 5–15 s a job: for tests that print several times and wait for each.
     */
    public static IppEvePrinter startPrintingWith(Path dir, String command) throws Exception {
        return start(dir, List.of("-c", command), null);
    }

    /**
     * A printer that holds each job "processing" until {@link #releaseJob()}: its print command marks the job as
     * printing ({@link #holdingAJob()}), then waits on a FIFO the test opens. For tests that act while a job is on the
     * printer, e.g. kill a kiosk mid-print, and know it from outside the kiosk.
     */
    public static IppEvePrinter startHoldingEachJob(Path dir) throws Exception {
        RequiredTool.require(onPath("mkfifo"), "mkfifo (coreutils) is needed for a printer that holds its jobs");
        Path holds = Files.createDirectories(dir.resolve("holds"));
        Process mkfifo = new ProcessBuilder("mkfifo", holds.resolve("release").toString()).inheritIO().start();
        if (!mkfifo.waitFor(10, TimeUnit.SECONDS) || mkfifo.exitValue() != 0) {
            throw new IllegalStateException("mkfifo " + holds.resolve("release") + " failed");
        }
        Path script = holds.resolve("print.sh");
        Files.writeString(script, String.join("\n", "#!/bin/sh",
                "# ippeveprinter's print command: the job is printing until the test releases it",
                ": > '" + holds.resolve("printing") + "'",
                "cat '" + holds.resolve("release") + "' > /dev/null",
                "rm -f '" + holds.resolve("printing") + "'", ""));
        if (!script.toFile().setExecutable(true)) {
            throw new IllegalStateException("cannot make " + script + " executable");
        }
        return start(dir, List.of("-c", script.toString()), holds);
    }

    /**
     * A printer (printing with {@code command}, as {@link #startPrintingWith}) on a given port: one that comes up
     * after the kiosk that was configured with its address, e.g. from {@link #freePort()}.
     */
    public static IppEvePrinter startOnPort(Path dir, int port, String command) throws Exception {
        return start(dir, List.of("-c", command), null, port);
    }

    private static IppEvePrinter start(Path dir, List<String> options) throws Exception {
        return start(dir, options, null);
    }

    private static IppEvePrinter start(Path dir, List<String> options, Path holds) throws Exception {
        return start(dir, options, holds, freePort());
    }

    private static IppEvePrinter start(Path dir, List<String> options, Path holds, int port) throws Exception {
        RequiredTool.require(available(), "ippeveprinter (cups-ipp-utils) and dbus-daemon (dbus) are needed for the IPP printer tests");
        String bus = PrivateBus.address();
        Path spool = Files.createDirectories(dir.resolve("spool"));
        Path keys = Files.createDirectories(dir.resolve("keys"));
        // -K: its self-signed TLS certificate goes to a directory of the test, not /etc/cups/ssl
        List<String> command = new java.util.ArrayList<>(List.of("ippeveprinter", "-r", "off", "-p", Integer.toString(port),
                "-n", "localhost", "-k", "-s", "600", "-d", spool.toString(), "-K", keys.toString(), "-f", "application/pdf"));
        command.addAll(options);
        command.add("KioskTestA4");
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("DBUS_SYSTEM_BUS_ADDRESS", bus);
        Process process = builder
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("ippeveprinter.log").toFile())
                .start();
        IppEvePrinter printer = new IppEvePrinter(process, port, spool, keys, holds);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!printer.listening()) {
            if (!process.isAlive()) {
                String log = Files.readString(dir.resolve("ippeveprinter.log"));
                RequiredTool.startFailed("ippeveprinter", log.strip());
            }
            if (System.nanoTime() > deadline) {
                printer.close();
                throw new IllegalStateException("ippeveprinter did not listen on port " + port + " within 10 s");
            }
            Thread.sleep(50);
        }
        return printer;
    }

    public String ippUri() {
        return "ipp://localhost:" + port + "/ipp/print";
    }

    /** The same printer over TLS: ippeveprinter answers TLS and plain HTTP on one port (RFC 7472). */
    public String ippsUri() {
        return "ipps://localhost:" + port + "/ipp/print";
    }

    /**
     * The PEM certificate the printer presents over TLS. ippeveprinter makes it (self-signed, for
     * {@code localhost}) at the first TLS handshake, so this performs one handshake without checking the
     * certificate — only to have it written — then waits for the file.
     */
    public Path certificate() throws Exception {
        Path certificate = keys.resolve("localhost.crt");
        if (!Files.exists(certificate)) {
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(null, new javax.net.ssl.TrustManager[] {new AcceptAnyCertificate()}, null);
            try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) context.getSocketFactory().createSocket("localhost", port)) {
                socket.setSoTimeout(10_000);
                socket.startHandshake();
            }
        }
        return Poll.value(Duration.ofSeconds(10), "ippeveprinter writing " + certificate,
                () -> Files.exists(certificate) && Files.size(certificate) > 0 ? java.util.Optional.of(certificate) : java.util.Optional.empty());
    }

    /** Only for triggering ippeveprinter's certificate generation; nothing is sent over this connection. */
    private static final class AcceptAnyCertificate implements javax.net.ssl.X509TrustManager {
        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
        }

        @Override
        public java.security.cert.X509Certificate[] getAcceptedIssuers() {
            return new java.security.cert.X509Certificate[0];
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** Files the printer received and kept, e.g. {@code 1-certificate.pdf}. */
    public List<Path> receivedDocuments() throws IOException {
        try (Stream<Path> files = Files.list(spool)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".pdf")).sorted().toList();
        }
    }

    /** A printer made by {@link #startHoldingEachJob}: a job is on it, printing, held until {@link #releaseJob()}. */
    public boolean holdingAJob() {
        return Files.exists(heldJobs().resolve("printing"));
    }

    /** Lets the held job finish printing (its print command ends with 0: the job completes). Blocks up to 30 s. */
    public void releaseJob() throws Exception {
        Path release = heldJobs().resolve("release");
        java.util.concurrent.CompletableFuture<Void> opened = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                Files.newOutputStream(release).close(); // opening a FIFO waits for its reader, the print command
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        opened.get(30, TimeUnit.SECONDS);
    }

    private Path heldJobs() {
        if (holds == null) {
            throw new IllegalStateException("this printer does not hold its jobs (see startHoldingEachJob)");
        }
        return holds;
    }

    /**
     * Bytes clients sent to the printer that it has not read: what waits in its sockets' receive queues, e.g. a
     * request sent to a {@link #freeze() frozen} printer. From the kernel's table of TCP sockets (Linux).
     */
    public long unreadRequestBytes() throws IOException {
        long bytes = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.isReadable(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+"); // sl local rem st tx_queue:rx_queue ...
                String local = f[1];
                boolean established = f[3].equals("01");
                if (established && Integer.parseInt(local.substring(local.indexOf(':') + 1), 16) == port) {
                    bytes += Long.parseLong(f[4].substring(f[4].indexOf(':') + 1), 16);
                }
            }
        }
        return bytes;
    }

    /**
     * The printer loses power (SIGKILL, also when frozen): whatever it had not read or finished is gone with it, and
     * a printer started in its place knows none of its jobs.
     */
    public void powerCut() throws Exception {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("ippeveprinter " + process.pid() + " did not end on SIGKILL");
        }
    }

    /** Freezes the printer process (SIGSTOP): it keeps its socket but never answers, like a hung printer. */
    public void freeze() throws Exception {
        signal("STOP");
    }

    public void thaw() throws Exception {
        signal("CONT");
    }

    private void signal(String name) throws Exception {
        new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor(5, TimeUnit.SECONDS);
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws Exception {
        if (!process.isAlive()) {
            return;
        }
        signal("CONT");
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public static boolean onPath(String tool) {
        String path = System.getenv("PATH") + File.pathSeparator + "/usr/sbin" + File.pathSeparator + "/sbin";
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /**
     * ippeveprinter opens an Avahi client even with DNS-SD off ({@code -r off}) and exits with "Unable to
     * initialize DNS-SD" when no system D-Bus answers (a container, a CI runner, a stale socket file). Each test
     * JVM therefore starts its own bus and hands it to the printer as its system bus: no root, no dependence on
     * the host's daemons, nothing left running afterwards.
     */
    private static final class PrivateBus {
        private static String address;

        static synchronized String address() throws IOException {
            if (address != null) {
                return address;
            }
            Process bus = new ProcessBuilder("dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(bus::destroy, "private-dbus-stop"));
            String line = new java.io.BufferedReader(new java.io.InputStreamReader(bus.getInputStream())).readLine();
            if (line == null || line.isBlank()) {
                RequiredTool.startFailed("dbus-daemon", "a private D-Bus for ippeveprinter printed no address");
            }
            address = line.strip();
            return address;
        }
    }
}
