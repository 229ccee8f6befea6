package org.openkiosk.app.console.demo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openkiosk.mosquitto.MosquittoPasswords;

/**
 * The demo hall's own Mosquitto: a private process on a free port of 127.0.0.1 with its configuration, password file
 * (written by {@code mosquitto_passwd}) and the installation's example ACL in a temporary directory. The fleet link
 * speaks MQTT 5, which the embeddable Java brokers available here do not (Moquette 0.17 refuses it, ADR 0153), so
 * the demo needs Debian's {@code mosquitto} package and says so when it is missing.
 */
final class DemoBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    private static final List<Path> PLACES = List.of(Path.of("/usr/sbin"), Path.of("/usr/bin"),
            Path.of("/usr/local/sbin"), Path.of("/usr/local/bin"));

    private final Path dir;
    private final int port;
    private final Process process;

    private DemoBroker(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** Where {@code name} is installed: on the PATH or in the sbin directories (mosquitto lives in /usr/sbin). */
    static Optional<Path> tool(String name) {
        List<Path> places = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String p : path.split(java.io.File.pathSeparator)) {
                if (!p.isBlank()) {
                    places.add(Path.of(p));
                }
            }
        }
        places.addAll(PLACES);
        return places.stream().map(p -> p.resolve(name)).filter(Files::isExecutable).findFirst();
    }

    /**
     * @param users broker user name → password (the kiosks and the console's {@code operator})
     * @param acl   ACL text in Mosquitto's syntax
     * @throws IOException when mosquitto is not installed or does not start (the message says which)
     */
    static DemoBroker start(Path dir, Map<String, String> users, String acl) throws IOException {
        Path mosquitto = tool("mosquitto").orElseThrow(() -> new IOException("the demo hall needs a local Mosquitto "
                + "(Debian: apt-get install mosquitto): the fleet link speaks MQTT 5 and no embedded broker here does"));
        Path passwd = tool(MosquittoPasswords.TOOL).orElseThrow(() -> new IOException(
                "mosquitto_passwd is missing (it comes with Debian's mosquitto package)"));
        Files.createDirectories(dir);
        Path passwords = MosquittoPasswords.write(passwd.toString(), dir.resolve("passwd"), users);
        Files.writeString(dir.resolve("acl"), acl, StandardCharsets.UTF_8);
        int port = freePort();
        List<String> conf = List.of(
                "per_listener_settings false",
                // as root mosquitto would switch to its own user, who cannot read these files
                "user " + System.getProperty("user.name"),
                "persistence false",
                "log_dest file " + dir.resolve("mosquitto.log"),
                "allow_anonymous false",
                "password_file " + passwords,
                "acl_file " + dir.resolve("acl"),
                "listener " + port + " 127.0.0.1");
        Files.write(dir.resolve("mosquitto.conf"), conf);
        List<String> command = new ArrayList<>();
        // util-linux's setpriv makes the kernel send SIGTERM to the broker should this JVM die without stopping it
        // (SIGKILL, a crash), so a demo never leaves a broker behind; without setpriv only a clean stop ends it
        tool("setpriv").ifPresent(setpriv -> command.addAll(List.of(setpriv.toString(), "--pdeathsig", "TERM")));
        command.addAll(List.of(mosquitto.toString(), "-c", dir.resolve("mosquitto.conf").toString()));
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.out").toFile()).start();
        DemoBroker broker = new DemoBroker(dir, port, p);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!accepts(port)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                broker.close();
                throw new IOException("mosquitto did not start on 127.0.0.1:" + port + ": " + broker.output());
            }
            try {
                Thread.sleep(50); // polling interval while the broker opens its port, not a synchronisation delay
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                broker.close();
                throw new IOException("interrupted while mosquitto started");
            }
        }
        return broker;
    }

    int port() {
        return port;
    }

    String uri() {
        return "mqtt://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    private String output() {
        try {
            Path out = dir.resolve("mosquitto.out");
            Path log = dir.resolve("mosquitto.log");
            return (Files.exists(out) ? Files.readString(out) : "") + (Files.exists(log) ? Files.readString(log) : "");
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** SIGTERM, then SIGKILL if it is still there after 10 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
