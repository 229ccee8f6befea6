package org.openkiosk.testsupport;


import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private CUPS scheduler ({@code cupsd -f}) in a temporary directory, listening on a free localhost port, so a
 * test can create a real queue, stop it with {@code cupsdisable} and never touch the machine's own CUPS.
 * Needs root (cupsd drops privileges to {@code lp} for filters); tests skip otherwise.
 */
public final class PrivateCups implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path root;

    private PrivateCups(Process process, int port, Path root) {
        this.process = process;
        this.port = port;
        this.root = root;
    }

    public static PrivateCups start(Path dir) throws Exception {
        RequiredTool.require(IppEvePrinter.onPath("cupsd") && IppEvePrinter.onPath("lpadmin") && IppEvePrinter.onPath("cupsdisable"),
                "cupsd, lpadmin and cupsdisable (Debian cups, cups-client) are needed for the CUPS queue tests");
        assumeTrue("root".equals(System.getProperty("user.name")),
                "a private cupsd must start as root (it runs filters as lp); run the CUPS tests as root or in CI");
        Path root = Files.createDirectories(dir.resolve("cups"));
        for (String sub : List.of("spool", "cache", "state", "log", "ppd")) {
            Files.createDirectories(root.resolve(sub));
        }
        // filters run as lp and read the spooled files
        for (Path p = root; p != null && p.startsWith(dir.getParent()); p = p.getParent()) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        int port = IppEvePrinter.freePort();
        Files.writeString(root.resolve("cupsd.conf"), String.join("\n",
                "LogLevel warn", "Listen 127.0.0.1:" + port, "Browsing Off", "DefaultAuthType None", "WebInterface No",
                "<Location />", "  Order allow,deny", "  Allow all", "</Location>",
                "<Location /admin>", "  Order allow,deny", "  Allow all", "</Location>",
                "<Policy default>", "  <Limit All>", "    Order deny,allow", "  </Limit>", "</Policy>", ""), StandardCharsets.US_ASCII);
        Files.writeString(root.resolve("cups-files.conf"), String.join("\n",
                "ServerRoot " + root, "RequestRoot " + root.resolve("spool"), "CacheDir " + root.resolve("cache"),
                "StateDir " + root.resolve("state"), "TempDir " + root.resolve("spool"),
                "ErrorLog " + root.resolve("log/error_log"), "AccessLog " + root.resolve("log/access_log"),
                "PageLog " + root.resolve("log/page_log"),
                // cupsd 2.4 refuses an empty Printcap value; point it at a file of our own
                "Printcap " + root.resolve("printcap"), ""), StandardCharsets.US_ASCII);
        Process process = new ProcessBuilder("cupsd", "-f", "-c", root.resolve("cupsd.conf").toString(),
                "-s", root.resolve("cups-files.conf").toString())
                .redirectErrorStream(true).redirectOutput(root.resolve("log/cupsd.out").toFile()).start();
        PrivateCups cups = new PrivateCups(process, port, root);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!cups.listening()) {
            if (!process.isAlive()) {
                RequiredTool.startFailed("cupsd", (Files.readString(root.resolve("log/cupsd.out")) + "\n"
                        + (Files.exists(root.resolve("log/error_log")) ? Files.readString(root.resolve("log/error_log")) : "")).strip());
            }
            if (System.nanoTime() > deadline) {
                cups.close();
                throw new IllegalStateException("cupsd did not listen on port " + port + " within 10 s");
            }
            Thread.sleep(50);
        }
        return cups;
    }

    public String server() {
        return "127.0.0.1:" + port;
    }

    /** Creates an enabled IPP Everywhere queue for an IPP printer, with A4 paper. */
    public void addQueue(String queue, String printerUri) throws Exception {
        tool("lpadmin", "-h", server(), "-p", queue, "-E", "-v", printerUri, "-m", "everywhere");
        tool("lpadmin", "-h", server(), "-p", queue, "-o", "PageSize=A4", "-o", "media=iso_a4_210x297mm");
    }

    /** Stops the queue as a technician would ({@code cupsdisable}): CUPS reports printer-state stopped, reason paused. */
    public void disable(String queue) throws Exception {
        tool("cupsdisable", "-h", server(), queue);
    }

    private void tool(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out
                    + " / " + Files.readString(root.resolve("log/error_log")));
        }
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
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
