package org.openkiosk.app.cli.certificate;

import org.openkiosk.testsupport.RequiredTool;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A real ippeveprinter process keeping received jobs (-k), started and stopped by PID (kiosk-app side). */
final class TestIppPrinter implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path spool;

    private TestIppPrinter(Process process, int port, Path spool) {
        this.process = process;
        this.port = port;
        this.spool = spool;
    }

    static boolean onPath(String tool) {
        String path = System.getenv("PATH") + File.pathSeparator + "/usr/sbin";
        return Arrays.stream(path.split(File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

    static TestIppPrinter start(Path dir) throws Exception {
        RequiredTool.require(onPath("ippeveprinter"), "ippeveprinter (cups-ipp-utils) is needed to print to a real IPP printer");
        assumeTrue(Files.exists(Path.of("/run/dbus/system_bus_socket")) || "root".equals(System.getProperty("user.name")),
                "ippeveprinter needs a system D-Bus: mkdir -p /run/dbus && dbus-daemon --system --fork");
        if (!Files.exists(Path.of("/run/dbus/system_bus_socket"))) {
            Files.createDirectories(Path.of("/run/dbus"));
            new ProcessBuilder("dbus-daemon", "--system", "--fork").inheritIO().start().waitFor(10, TimeUnit.SECONDS);
        }
        Path spool = Files.createDirectories(dir.resolve("spool"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process process = new ProcessBuilder("ippeveprinter", "-r", "off", "-p", Integer.toString(port), "-n", "localhost",
                "-k", "-s", "600", "-d", spool.toString(), "-f", "application/pdf", "KioskCertA4")
                .redirectErrorStream(true).redirectOutput(dir.resolve("ipp.log").toFile()).start();
        TestIppPrinter printer = new TestIppPrinter(process, port, spool);
        for (int i = 0; i < 200 && !printer.listening(); i++) {
            if (!process.isAlive()) {
                RequiredTool.startFailed("ippeveprinter", Files.readString(dir.resolve("ipp.log")));
            }
            Thread.sleep(50);
        }
        return printer;
    }

    String uri() {
        return "cups:ipp://localhost:" + port + "/ipp/print";
    }

    List<Path> received() throws IOException {
        try (Stream<Path> files = Files.list(spool)) {
            return files.filter(f -> f.toString().endsWith(".pdf")).sorted().toList();
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
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
