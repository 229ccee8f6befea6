package org.openkiosk.app.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.testsupport.MosquittoBroker;
import org.openkiosk.testsupport.Poll;

/**
 * {@code demo --headless}: the real program in a fresh JVM without a display (DISPLAY unset, no Monocle properties
 * given: the option selects them), with the repository's demo configuration plus a {@code fleet:} section pointing
 * at a real Mosquitto, and its receipt printer on a simulator this test holds (the real ESC/POS driver over TCP).
 * It shows its first screen (out of service: the roll is empty), publishes its retained state with the paper-out
 * alarm, clears it and serves once paper is loaded, and SIGTERM ends it cleanly: exit 0, the goodbye state
 * ("stopped"), and no Last Will.
 */
class HeadlessDemoKioskTest {

    private static final String ROOT = "openkiosk/v1/sim/H-3101/K-0101";

    @TempDir
    Path tmp;

    private MosquittoBroker broker;
    private MqttProbe probe;
    private Process kiosk;

    @AfterEach
    void tearDown() throws Exception {
        if (kiosk != null && kiosk.isAlive()) {
            kiosk.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (probe != null) {
            probe.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aHeadlessDemoKioskServesReportsItsPaperOutAndStopsCleanlyOnSigterm() throws Exception {
        broker = MosquittoBroker.in(tmp.resolve("broker")).start();
        probe = new MqttProbe(broker.port(), null, null, ROOT + "/#");
        Path home = installationWithFleet(broker.uri());
        Path log = tmp.resolve("kiosk.log");

        kiosk = startHeadlessDemo(home, log);

        // the whole line, its end included: the status after the prefix is what is checked
        Poll.until(Duration.ofSeconds(120), "the headless demo kiosk shows its first screen (" + log + ")",
                () -> completeLine(log, "kiosk: first screen shown: ").isPresent() || !kiosk.isAlive());
        assertThat(completeLine(log, "kiosk: first screen shown: ")).as(output(log))
                .contains("kiosk: first screen shown: serving");
        assertThat(output(log)).contains("headless: JavaFX on Monocle's Headless platform, 1920x1080-32");
        probe.await(ROOT + "/state", json -> json.contains("\"online\":true") && json.contains("\"inService\":true"));

        // the roll runs out on the demo's printer simulator; the kiosk's status query (as after a print) finds it
        String alarm = ROOT + "/alarm/PAPER_OUT.receiptPrinter";
        demoInput("receipt-paper out");
        assertThat(probe.await(r -> r.topic().equals(alarm) && !r.empty(), Duration.ofSeconds(60)).payload())
                .contains("PAPER_OUT");
        probe.await(ROOT + "/state", json -> json.contains("\"inService\":false")
                && json.contains("\"alarms\":[\"PAPER_OUT.receiptPrinter\"]"));

        demoInput("receipt-paper ok"); // a technician loads a roll
        probe.await(r -> r.topic().equals(alarm) && r.empty(), Duration.ofSeconds(60));
        probe.await(ROOT + "/state", json -> json.contains("\"inService\":true"));

        kiosk.destroy(); // SIGTERM, as systemd stops it
        assertThat(kiosk.waitFor(60, TimeUnit.SECONDS)).as(output(log)).isTrue();
        assertThat(kiosk.exitValue()).as(output(log)).isEqualTo(0);
        assertThat(output(log)).contains("SIGTERM received: stopping the kiosk");

        probe.await(ROOT + "/state", json -> json.contains("\"reason\":\"stopped\""));
        // a clean MQTT DISCONNECT: the broker drops the Last Will ("connection lost") instead of publishing it
        Poll.until(Duration.ofSeconds(20), "mosquitto logs the kiosk's own disconnect",
                () -> broker.log().contains("Client " + ROOT + " disconnected"));
        assertThat(probe.all()).noneMatch(r -> r.payload().contains("connection lost"));
    }

    /** A line on the kiosk's standard input, as a fleet simulation script writes it. */
    private void demoInput(String line) throws IOException {
        kiosk.getOutputStream().write((line + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        kiosk.getOutputStream().flush();
    }

    private Process startHeadlessDemo(Path home, Path log) throws IOException {
        List<String> cmd = List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dkiosk.home=" + home, "-cp", System.getProperty("java.class.path"), "org.openkiosk.app.Main",
                "--data", tmp.resolve("data").toString(), "demo", "--headless", "--retry-seconds", "1");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().remove("NOTIFY_SOCKET");
        return pb.start();
    }

    /** The repository's config/ (the demo's, every device on its simulator) copied, with a fleet section. */
    private Path installationWithFleet(String brokerUri) throws IOException {
        Path source = Paths.get("..", "config").toAbsolutePath().normalize();
        Path home = tmp.resolve("home");
        Path config = home.resolve("config");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = config.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.writeString(config.resolve("kiosk.yaml"), String.join("\n", "", "fleet:", "  broker: " + brokerUri,
                "  region: sim", "  heartbeat: 5s", ""), java.nio.file.StandardOpenOption.APPEND);
        return home;
    }

    /** The first line starting with {@code prefix} once its line end is written, not a line still being printed. */
    private static Optional<String> completeLine(Path log, String prefix) {
        Matcher m = Pattern.compile("(?m)^(" + Pattern.quote(prefix) + ".*)\n").matcher(output(log));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String output(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
