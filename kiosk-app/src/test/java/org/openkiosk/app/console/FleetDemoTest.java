package org.openkiosk.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openkiosk.testsupport.Poll;
import org.openkiosk.testsupport.RequiredTool;
import org.openqa.selenium.By;

/**
 * {@code kiosk fleet demo --kiosks 3} in a child JVM as a newcomer starts it: the printed console address and
 * operator login work in Debian's chromium, three kiosk tiles come online, the script's card, paper-out and help
 * call show, and SIGTERM stops the hall (broker included) with exit 0 and removes its temporary directory.
 */
class FleetDemoTest {

    private static final Pattern CONSOLE = Pattern.compile("demo: console (http://\\S+)/");
    private static final Pattern OPERATOR = Pattern.compile("demo: login (demo\\.operator) / (\\S+) .*");
    private static final Pattern BROKER = Pattern.compile("demo: kiosks .* at 127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern DIRECTORY = Pattern.compile("demo: .* for this run only, in (\\S+)");

    @Test
    void aWholeHallStartsShowsItsKiosksAndScriptAndStopsCleanly() throws Exception {
        RequiredTool.command("mosquitto", "mosquitto");
        Path home = Paths.get("..").toAbsolutePath().normalize();
        List<String> cmd = List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dkiosk.home=" + home, "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"),
                "org.openkiosk.app.Main", "fleet", "demo", "--kiosks", "3", "--listen", "127.0.0.1:0", "--pace", "1");
        Path log = Files.createTempFile("fleet-demo", ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        java.util.function.Supplier<List<String>> output = () -> {
            try {
                return Files.readAllLines(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return List.of(e.toString());
            }
        };
        try (AutoCloseable closer = () -> { // the demo's own words, for a failure's report
            p.descendants().forEach(ProcessHandle::destroyForcibly); // the broker too, should the test fail
            p.destroyForcibly();
            System.out.println(String.join("\n", output.get()));
            Files.deleteIfExists(log);
        }) {
            // the last of the start-up lines: the address, logins and directory are printed one by one before it
            Poll.until(Duration.ofSeconds(180), "the demo prints its start-up lines",
                    () -> output.get().contains("demo: Ctrl-C stops the hall") || !p.isAlive());
            assertThat(p.isAlive()).as(String.join("\n", output.get())).isTrue();
            String url = find(output.get(), CONSOLE).group(1);
            Matcher login = find(output.get(), OPERATOR);
            assertThat(login).as(String.join("\n", output.get())).isNotNull();
            int brokerPort = Integer.parseInt(find(output.get(), BROKER).group(1));
            Path dir = Path.of(find(output.get(), DIRECTORY).group(1));
            assertThat(login.group(2)).hasSize(19); // 16 random letters and digits, generated for this run
            assertThat(Files.readString(dir.resolve("console-staff.yaml"))).doesNotContain(login.group(2));

            try (ConsoleBrowser browser = new ConsoleBrowser(url, 1366, 768)) {
                browser.login(login.group(1), login.group(2));
                browser.until("three kiosk tiles online", d -> d.findElements(
                        By.cssSelector(".tile[data-online='true']")).size() == 3);
                assertThat(browser.driver.findElements(By.cssSelector(".tile"))).hasSize(3);
                browser.until("the card read in the log", d -> d.findElement(By.id("log")).getText()
                        .contains("demo-card-read"));
                browser.until("paper out in the log", d -> d.findElement(By.id("log")).getText().contains("PAPER_OUT"));
                browser.until("the help call on top", d -> !d.findElements(By.id("help-K-D3")).isEmpty());
                Files.write(Path.of("target", "fleet-demo-1366x768.png"), // docs/screenshots/fleet-demo.png
                        browser.driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
                browser.until("the paper refilled", d -> d.findElement(By.id("log")).findElements(
                        By.cssSelector(".log-line.alarm-cleared")).stream().anyMatch(l -> l.getText().contains("PAPER_OUT")));
            }

            long started = System.nanoTime();
            p.destroy(); // SIGTERM, as systemd or kill would send
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
            assertThat(p.exitValue()).as(String.join("\n", output.get())).isZero();
            assertThat(output.get()).contains("demo: stopped");
            // each demo kiosk's runtime is the kiosk its tile shows, as its copied kiosk.yaml says (ADR 0205)
            String all = String.join("\n", output.get());
            assertThat(all).contains("kiosk K-D1 started", "kiosk K-D3 started", "kiosk K-D1 stopped", "kiosk K-D3 stopped")
                    .doesNotContain("kiosk K-0101");
            assertThat(accepts(brokerPort)).as("the demo's Mosquitto is gone").isFalse();
            assertThat(dir).doesNotExist();
            System.out.printf("fleet demo stopped %d ms after SIGTERM (loaded machine)%n",
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        }
    }

    private static Matcher find(List<String> lines, Pattern pattern) {
        for (String l : lines) {
            Matcher m = pattern.matcher(l);
            if (m.matches() || m.find()) {
                return m;
            }
        }
        return null;
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
