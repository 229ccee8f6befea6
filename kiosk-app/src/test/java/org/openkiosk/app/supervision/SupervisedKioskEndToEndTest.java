package org.openkiosk.app.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real program started the way systemd starts it (NOTIFY_SOCKET in the abstract namespace, WATCHDOG_USEC):
 * READY=1 with "serving" arrives once the attract screen is drawn, then watchdog pings. A child JVM under
 * headless Monocle, ended by SIGTERM as systemd would.
 */
class SupervisedKioskEndToEndTest {

    @TempDir
    Path tmp;

    @Test
    void theDemoKioskSaysReadyAtTheAttractScreenAndThenPings() throws Exception {
        try (FakeSystemdSocket systemd = FakeSystemdSocket.abstractName()) {
            Process kiosk = startDemo(systemd);
            try {
                String ready = systemd.await("READY=1", Duration.ofSeconds(90));
                String log = Files.readString(tmp.resolve("child.log"));
                assertThat(ready).as(log).contains("STATUS=serving");
                // the attract screen came first, the store and devices opened after it, READY only then (ADR 0128)
                assertThat(log).containsSubsequence("attract screen shown; opening the store and devices",
                        "kiosk K-0101 started");
                assertThat(systemd.await("WATCHDOG=1", Duration.ofSeconds(30))).isEqualTo("WATCHDOG=1");
                assertThat(systemd.await("WATCHDOG=1", Duration.ofSeconds(30))).isEqualTo("WATCHDOG=1");
                assertThat(kiosk.isAlive()).isTrue();
            } finally {
                stop(kiosk);
            }
        }
    }

    @Test
    void afterThreeStartsThatDidNotStayUpTheKioskStaysOnTheCrashLoopScreen() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        long now = System.currentTimeMillis();
        Files.writeString(data.resolve(StartAttempts.FILE_NAME), (now - 120_000) + "\n" + (now - 60_000) + "\n"
                + (now - 30_000) + "\n");
        try (FakeSystemdSocket systemd = FakeSystemdSocket.abstractName()) {
            Process kiosk = startDemo(systemd);
            try {
                String ready = systemd.await("READY=1", Duration.ofSeconds(90));
                assertThat(ready).as(Files.readString(tmp.resolve("child.log")))
                        .contains("STATUS=out of service: E-CRASHLOOP");
                assertThat(Files.readString(tmp.resolve("child.log"))).contains("3 starts in the last 10 min");
                // nothing was opened: the store (or a device) may be what kills the kiosk
                assertThat(data.resolve("demo-store.mv.db")).doesNotExist();
                assertThat(Files.readAllLines(data.resolve(StartAttempts.FILE_NAME))).hasSize(4);
            } finally {
                stop(kiosk);
            }
        }
    }

    private Process startDemo(FakeSystemdSocket systemd) throws java.io.IOException {
            List<String> cmd = List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                    "-Dheadless.geometry=1920x1080-32", "-Djava.awt.headless=true",
                    "-Dkiosk.home=" + Paths.get("..").toAbsolutePath().normalize(),
                    "-cp", System.getProperty("java.class.path"), "org.openkiosk.app.Main",
                    "--data", tmp.resolve("data").toString(), "demo", "--windowed");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("child.log").toFile());
            pb.environment().put("NOTIFY_SOCKET", systemd.address());
            pb.environment().put("WATCHDOG_USEC", "2000000");
            pb.environment().remove("WATCHDOG_PID");
            return pb.start();
    }

    private static void stop(Process kiosk) throws InterruptedException {
        kiosk.destroy();
        if (!kiosk.waitFor(30, TimeUnit.SECONDS)) {
            kiosk.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
