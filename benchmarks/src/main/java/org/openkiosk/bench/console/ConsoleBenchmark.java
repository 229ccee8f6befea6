package org.openkiosk.bench.console;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openkiosk.app.config.ConsoleStaffFile;
import org.openkiosk.app.console.OperatorConsole;
import org.openkiosk.app.console.PasswordHash;
import org.openkiosk.app.fleet.command.CommandSigner;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The operator console with N kiosks: their retained states published to a running broker (anonymous, e.g.
 * {@code mosquitto -p 18830}), the real console (hall view, HTTP server, server-sent events) and Debian's headless
 * chromium showing it. Measures the time from an alarm published (paper out on a random kiosk) to its tile turning
 * red in the browser (a MutationObserver timestamps the change with the browser's clock, the same machine's clock),
 * and the console JVM's heap after a full GC with every kiosk loaded.
 *
 * <pre>java -cp … org.openkiosk.bench.console.ConsoleBenchmark mqtt://127.0.0.1:18830 N ALARMS</pre>
 */
public final class ConsoleBenchmark {

    public static void main(String[] args) throws Exception {
        URI broker = URI.create(args[0]);
        int n = Integer.parseInt(args[1]);
        int alarms = Integer.parseInt(args[2]);
        String hall = "H-BENCH";
        Mqtt5AsyncClient kiosks = MqttClient.builder().useMqttVersion5().identifier("bench-kiosks")
                .serverHost(broker.getHost()).serverPort(broker.getPort()).buildAsync();
        kiosks.connectWith().cleanStart(true).send().get(10, TimeUnit.SECONDS);
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sent.add(kiosks.publishWith().topic(topic(hall, i, "state")).payload(state(hall, i))
                    .qos(MqttQos.AT_LEAST_ONCE).retain(true).send());
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        Path dir = Files.createTempDirectory("console-bench");
        var staff = List.of(new ConsoleStaffFile.StaffAccount("bench", "Bench", ConsoleStaffFile.OPERATOR,
                PasswordHash.hash("bench-password".toCharArray(), 1000)));
        var console = OperatorConsole.start(MqttClient.builder().useMqttVersion5().identifier("bench-console")
                        .serverHost(broker.getHost()).serverPort(broker.getPort()), new InetSocketAddress("127.0.0.1", 0),
                staff, new CommandSigner(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate(), "bench"),
                dir.resolve("audit.jsonl"), Clock.systemUTC());
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,768");
        ChromeDriver browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).usingAnyFreePort().build(), options);
        try {
            String base = "http://127.0.0.1:" + console.port();
            browser.get(base + "/login");
            browser.findElement(By.id("user")).sendKeys("bench");
            browser.findElement(By.id("password")).sendKeys("bench-password");
            long t0 = System.nanoTime();
            browser.findElement(By.id("login-submit")).click();
            while (((Number) browser.executeScript("return document.querySelectorAll('.tile').length")).intValue() < n) {
                Thread.sleep(50); // polling the page until every tile is there
            }
            System.out.printf("%d tiles shown %d ms after logging in%n", n, (System.nanoTime() - t0) / 1_000_000);
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf("console JVM heap after GC with %d kiosks: %d MB (includes the benchmark's Selenium client)%n",
                    n, heap >> 20);

            Random random = new Random(42);
            List<Long> latencies = new ArrayList<>();
            for (int a = 0; a < alarms; a++) {
                int k = random.nextInt(n);
                String id = "tile-K-" + k;
                browser.executeScript("window.redAt = 0; const t = document.getElementById(arguments[0]);"
                        + "window.watch = new MutationObserver(() => { if (!window.redAt && t.className.includes('critical'))"
                        + " window.redAt = Date.now(); }); window.watch.observe(t, {attributes: true});", id);
                long publishedAt = System.currentTimeMillis();
                kiosks.publishWith().topic(topic(hall, k, "alarm/PAPER_OUT.receiptPrinter")).payload(alarm(k))
                        .qos(MqttQos.AT_LEAST_ONCE).retain(true).send().get(10, TimeUnit.SECONDS);
                long redAt = 0;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (redAt == 0 && System.nanoTime() < deadline) {
                    redAt = ((Number) browser.executeScript("return window.redAt")).longValue();
                    if (redAt == 0) {
                        Thread.sleep(5); // polling the page for the browser's timestamp
                    }
                }
                browser.executeScript("window.watch.disconnect()");
                latencies.add(redAt == 0 ? Long.MAX_VALUE : redAt - publishedAt);
                kiosks.publishWith().topic(topic(hall, k, "alarm/PAPER_OUT.receiptPrinter")).payload(new byte[0])
                        .qos(MqttQos.AT_LEAST_ONCE).retain(true).send().get(10, TimeUnit.SECONDS);
                while (((Boolean) browser.executeScript("return document.getElementById(arguments[0]).className"
                        + ".includes('critical')", id))) {
                    Thread.sleep(5); // polling until the tile is back to normal before the next alarm
                }
            }
            Collections.sort(latencies);
            System.out.printf("alarm published → tile red in the browser, %d alarms over %d kiosks: p50 %d ms, "
                            + "p99 %d ms, max %d ms%n", alarms, n, latencies.get(latencies.size() / 2),
                    latencies.get(Math.min(latencies.size() - 1, (int) Math.ceil(latencies.size() * 0.99) - 1)),
                    latencies.get(latencies.size() - 1));
        } finally {
            browser.quit();
            console.close();
            for (int i = 0; i < n; i++) { // leave the broker clean
                kiosks.publishWith().topic(topic(hall, i, "state")).payload(new byte[0]).retain(true).send();
            }
            kiosks.disconnect().get(10, TimeUnit.SECONDS);
        }
    }

    private static String topic(String hall, int i, String leaf) {
        return "openkiosk/v1/bench/" + hall + "/K-" + i + "/" + leaf;
    }

    private static byte[] state(String hall, int i) {
        return ("{\"schema\":\"openkiosk/state/1\",\"kiosk\":\"K-" + i + "\",\"hall\":\"" + hall + "\",\"region\":\"bench\","
                + "\"online\":true,\"at\":\"" + Instant.now() + "\",\"service\":{\"inService\":true},"
                + "\"devices\":[{\"name\":\"receiptPrinter\",\"deviceClass\":\"RECEIPT_PRINTER\",\"required\":true,"
                + "\"state\":\"ENABLED\",\"health\":\"ONLINE\",\"paper\":\"OK\"}],\"alarms\":[]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] alarm(int i) {
        return ("{\"schema\":\"openkiosk/alarm/1\",\"kiosk\":\"K-" + i + "\",\"code\":\"PAPER_OUT.receiptPrinter\","
                + "\"severity\":\"critical\",\"device\":\"receiptPrinter\",\"since\":\"" + Instant.now() + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
