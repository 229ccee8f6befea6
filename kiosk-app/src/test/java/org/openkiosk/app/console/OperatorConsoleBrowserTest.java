package org.openkiosk.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuth;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkiosk.app.certificate.CertificateKeys;
import org.openkiosk.app.config.ConfigLoader;
import org.openkiosk.app.config.ConsoleStaffFile;
import org.openkiosk.app.config.ConsoleStaffFile.StaffAccount;
import org.openkiosk.app.config.FleetSettings;
import org.openkiosk.app.fleet.HelpCalls;
import org.openkiosk.app.fleet.KioskFleet;
import org.openkiosk.app.fleet.command.CommandSigner;
import org.openkiosk.app.maintenance.RepositoryConfig;
import org.openkiosk.app.runtime.DefaultKioskRuntime;
import org.openkiosk.app.ui.testing.LinkedKiosk;
import org.openkiosk.testsupport.MosquittoBroker;
import org.openkiosk.testsupport.Poll;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The operator console in Debian's headless chromium against a real Mosquitto (the example ACL) and two real demo
 * kiosks (the runtime on its device simulators with its fleet link): tiles follow paper out, help calls are answered
 * and the kiosk learns of it, an out-of-service action changes the kiosk; viewers, wrong passwords and requests
 * without the CSRF token are refused.
 */
class OperatorConsoleBrowserTest {

    static final String OPERATOR_PASSWORD = "duty-desk-password";
    static final String VIEWER_PASSWORD = "viewer-password-1";

    @TempDir
    static Path tmp;

    static MosquittoBroker broker;
    static DefaultKioskRuntime[] runtimes = new DefaultKioskRuntime[2];
    static KioskFleet[] fleets = new KioskFleet[2];
    static OperatorConsole console;
    static Path auditFile;
    static ConsoleBrowser browser;

    @BeforeAll
    static void hall() throws Exception {
        broker = LinkedKiosk.hallBroker(tmp.resolve("broker"), "K-A1", "K-A2").start();
        KeyPair consoleKey = CertificateKeys.generate(tmp.resolve("operators"), "console-1", "hall console");
        for (int i = 0; i < 2; i++) {
            String kiosk = "K-A" + (i + 1);
            Path configDir = RepositoryConfig.copyTo(tmp.resolve(kiosk + "/config"));
            Path dataDir = tmp.resolve(kiosk + "/data");
            runtimes[i] = DefaultKioskRuntime.start(ConfigLoader.load(configDir), configDir, dataDir, true,
                    Clock.systemUTC());
            FleetSettings settings = new FleetSettings(URI.create(broker.uri()), Optional.empty(), Optional.of(kiosk),
                    Optional.of("PW"), Optional.empty(), Optional.empty(), LinkedKiosk.REGION, LinkedKiosk.HALL, kiosk,
                    Duration.ofSeconds(2), Duration.ofSeconds(5), List.of(tmp.resolve("operators/console-1.public.pem")),
                    Optional.empty(), 1000, 16 << 20);
            fleets[i] = KioskFleet.start(settings, runtimes[i], Optional.of(runtimes[i].store()), configDir, dataDir,
                    Clock.systemUTC(), name -> "pw", code -> { });
        }
        List<StaffAccount> staff = List.of(
                new StaffAccount("wang.fang", "王芳", ConsoleStaffFile.OPERATOR,
                        PasswordHash.hash(OPERATOR_PASSWORD.toCharArray(), 1000)),
                new StaffAccount("li.viewer", "李看", ConsoleStaffFile.VIEWER,
                        PasswordHash.hash(VIEWER_PASSWORD.toCharArray(), 1000)),
                new StaffAccount("zhao.locked", "赵锁", ConsoleStaffFile.OPERATOR,
                        PasswordHash.hash("zhao-password-1".toCharArray(), 1000)));
        auditFile = tmp.resolve("console-audit.jsonl");
        var mqtt = MqttClient.builder().useMqttVersion5().identifier("console-test").serverHost("127.0.0.1")
                .serverPort(broker.port()).simpleAuth(Mqtt5SimpleAuth.builder().username("operator")
                        .password("pw-op".getBytes(StandardCharsets.UTF_8)).build());
        console = OperatorConsole.start(mqtt, new InetSocketAddress("127.0.0.1", 0), staff,
                new CommandSigner(consoleKey.getPrivate(), "console-1"), auditFile, Clock.systemUTC());
        browser = new ConsoleBrowser("http://127.0.0.1:" + console.port(), 1366, 768);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (console != null) {
            console.close();
        }
        for (int i = 0; i < 2; i++) {
            if (fleets[i] != null) {
                fleets[i].close();
            }
            if (runtimes[i] != null) {
                runtimes[i].close();
            }
        }
        if (broker != null) {
            broker.close();
        }
    }

    @AfterEach
    void logOut() {
        browser.driver.manage().deleteAllCookies();
    }

    private static WebElement tile(String kiosk) {
        return browser.driver.findElement(By.id("tile-" + kiosk));
    }

    private static void loggedInAsOperator() {
        browser.login("wang.fang", OPERATOR_PASSWORD);
        browser.until("both kiosks shown online", d -> d.findElements(By.cssSelector(".tile[data-online='true']")).size() == 2);
    }

    private static String audit() throws Exception {
        return Files.readString(auditFile, StandardCharsets.UTF_8);
    }

    @Test
    void paperOutOnAKioskTurnsItsTileRedAndTheLogSaysSo() {
        loggedInAsOperator();
        assertThat(tile("K-A1").getAttribute("class")).contains("ok");
        var demo = runtimes[0].demoControls().orElseThrow();
        demo.receiptPaperOut(true);
        runtimes[0].receipts().printCertificateReceipt(new org.openkiosk.app.service.port.CertificateReceipt(
                "居住证明", "N-1", 1, Instant.now(), "K-0101"));
        try {
            browser.until("K-A1's tile red", d -> tile("K-A1").getAttribute("class").contains("critical"));
            assertThat(tile("K-A1").getText()).contains("PAPER_OUT.receiptPrinter");
            assertThat(tile("K-A2").getAttribute("class")).doesNotContain("critical");
            browser.until("the alarm in the log", d -> d.findElement(By.id("log")).getText().contains("PAPER_OUT"));
        } finally {
            demo.receiptPaperOut(false);
            runtimes[0].recheckAllDevices();
            fleets[0].link().update();
        }
        browser.until("K-A1's tile no longer red", d -> !tile("K-A1").getAttribute("class").contains("critical"));
    }

    @Test
    void aHelpCallAppearsIsAcknowledgedAndTheKioskShowsIt() throws Exception {
        loggedInAsOperator();
        HelpCalls calls = fleets[1].helpCalls();
        HelpCalls.Call call = calls.raise("certificate-choose", Optional.of("residence"));
        browser.until("the help call on top", d -> !d.findElements(By.id("help-K-A2")).isEmpty());
        WebElement row = browser.driver.findElement(By.id("help-K-A2"));
        assertThat(row.getText()).contains("K-A2").contains("certificate-choose").contains("residence");
        assertThat(row.findElement(By.cssSelector(".age")).getText()).matches("\\d+:\\d\\d");

        row.findElement(By.cssSelector("button.ack")).click();
        Poll.until(Duration.ofSeconds(20), "the kiosk shows that staff are coming", () -> calls.current()
                .map(c -> c.status() == HelpCalls.Status.ACKNOWLEDGED).orElse(false));
        browser.until("the row says acknowledged", d -> d.findElement(By.id("help-K-A2")).getAttribute("class")
                .contains("acknowledged"));

        browser.driver.findElement(By.cssSelector("#help-K-A2 button.done")).click();
        Poll.until(Duration.ofSeconds(20), "the call over on the kiosk", () -> calls.current().isEmpty());
        browser.until("the row gone", d -> d.findElements(By.id("help-K-A2")).isEmpty());
        assertThat(audit()).contains("\"name\":\"王芳\"").contains(call.id());
    }

    @Test
    void anOutOfServiceActionChangesTheKioskAndShowsItsReply() throws Exception {
        loggedInAsOperator();
        WebElement t = tile("K-A2");
        t.findElement(By.cssSelector("input.reason")).sendKeys("打印机维修");
        t.findElement(By.cssSelector("button[data-action='oos']")).click();
        browser.until("the kiosk's reply", d -> tile("K-A2").findElement(By.cssSelector(".reply")).getAttribute("class")
                .contains("applied"));
        browser.until("the tile out of service", d -> "false".equals(tile("K-A2").getAttribute("data-in-service")));
        assertThat(tile("K-A2").getText()).contains("打印机维修");
        assertThat(audit()).contains("\"action\":\"command\"").contains("out-of-service").contains("王芳");

        tile("K-A2").findElement(By.cssSelector("button[data-action='back']")).click();
        browser.until("the tile back in service", d -> "true".equals(tile("K-A2").getAttribute("data-in-service")));
    }

    @Test
    void aViewerSeesTheHallButCannotSendCommands() throws Exception {
        browser.login("li.viewer", VIEWER_PASSWORD);
        browser.until("tiles shown", d -> d.findElements(By.cssSelector(".tile")).size() == 2);
        assertThat(browser.driver.findElements(By.cssSelector(".tile button"))).isEmpty();
        // even with the page's own CSRF token, the server refuses a viewer's command
        long status = browser.fetchStatus("fetch('/api/command', {method: 'POST', headers: {'Content-Type': "
                + "'application/json', 'X-CSRF-Token': document.querySelector('meta[name=\"csrf-token\"]').content}, "
                + "body: JSON.stringify({target: 'r1/H-3101/K-A1', command: 'ping', args: {}})})");
        assertThat(status).isEqualTo(403);
        assertThat(audit()).contains("refused-viewer");
    }

    @Test
    void aWrongPasswordIsRefusedAndRepeatedFailuresLockTheAccount() throws Exception {
        browser.login("wang.fang", "not-the-password");
        assertThat(loginProblem()).isEqualTo("用户名或密码不对。请再试一次。");
        browser.open("/");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/login");

        for (int i = 0; i < StaffLogin.MAX_FAILURES; i++) {
            browser.login("zhao.locked", "wrong-" + i);
        }
        browser.login("zhao.locked", "zhao-password-1"); // the right one, too late
        assertThat(loginProblem()).contains("锁定 15 分钟");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/login");
        assertThat(audit()).contains("login-refused").contains("login-locked-out");
    }

    /** The refusal the login page shows once the server has answered the submitted form (a PBKDF2 check takes time). */
    private String loginProblem() {
        browser.until("the login page shows the refusal", d -> !d.findElements(By.id("login-problem")).isEmpty());
        return browser.driver.findElement(By.id("login-problem")).getText();
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
        loggedInAsOperator();
        long status = browser.fetchStatus("fetch('/api/command', {method: 'POST', headers: {'Content-Type': "
                + "'application/json'}, body: JSON.stringify({target: 'r1/H-3101/K-A1', command: 'out-of-service', "
                + "args: {on: 'true', reason: 'forged'}})})");
        assertThat(status).isEqualTo(403);
        assertThat(tile("K-A1").getAttribute("data-in-service")).isEqualTo("true");
        assertThat(audit()).contains("refused-without-csrf-token");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndStrict() {
        loggedInAsOperator();
        var cookie = browser.driver.manage().getCookieNamed(ConsoleServer.SESSION_COOKIE);
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat(cookie.isSecure()).isTrue();
        assertThat((Object) browser.driver.executeScript("return document.cookie")).asString()
                .doesNotContain(ConsoleServer.SESSION_COOKIE);
    }

    @Test
    void collectedDiagnosticsCanBeDownloaded() throws Exception {
        loggedInAsOperator();
        tile("K-A1").findElement(By.cssSelector("button[data-action='diagnostics']")).click();
        browser.until("the download link", d -> !tile("K-A1").findElements(By.cssSelector(".reply a.download")).isEmpty());
        String href = tile("K-A1").findElement(By.cssSelector(".reply a.download")).getAttribute("href");
        Object size = browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.ok && r.headers.get('Content-Type') === 'application/zip' "
                + "? r.arrayBuffer().then(b => done(b.byteLength)) : done(-r.status));", href);
        assertThat(((Number) size).longValue()).isPositive();
        assertThat(audit()).contains("diagnostics-download");
    }

    @Test
    void theEventLogFiltersByKiosk() {
        loggedInAsOperator();
        browser.until("log lines of both kiosks", d -> kiosksInLog().containsAll(List.of("K-A1", "K-A2")));
        browser.driver.findElement(By.cssSelector("#log-filter option[value='K-A2']")).click();
        browser.until("only K-A2 in the log", d -> kiosksInLog().equals(java.util.Set.of("K-A2")));
        // a new line of the other kiosk stays hidden while the filter is on
        fleets[0].link().event("filter-probe", java.util.Map.of());
        HelpCalls.Call call = fleets[1].helpCalls().raise("attract", Optional.empty());
        try {
            browser.until("K-A2's new line shown", d -> d.findElement(By.id("log")).getText().contains("attract"));
            assertThat(kiosksInLog()).containsExactly("K-A2");
            browser.driver.findElement(By.id("log-filter-all")).click();
            browser.until("K-A1's line back", d -> d.findElement(By.id("log")).getText().contains("filter-probe"));
            assertThat(kiosksInLog()).contains("K-A1", "K-A2");
        } finally {
            fleets[1].helpCalls().cancel(HelpCalls.CANCELLED_BY_CITIZEN);
        }
        assertThat(call.id()).startsWith("help-");
    }

    private static java.util.Set<String> kiosksInLog() {
        return browser.driver.findElements(By.cssSelector("#log .log-line")).stream()
                .map(l -> l.getAttribute("data-kiosk")).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void theLanguageToggleSwitchesBetweenChineseAndEnglishAndIsRemembered() throws Exception {
        loggedInAsOperator();
        assertThat(browser.driver.findElement(By.id("kiosks-heading")).getText()).isEqualTo("自助终端");
        assertThat(tile("K-A1").getText()).contains("服务中");
        WebElement toggle = browser.driver.findElement(By.id("toggle-language"));
        assertThat(toggle.getText()).isEqualTo("English");
        toggle.click();
        browser.until("English headings", d -> "Kiosks".equals(d.findElement(By.id("kiosks-heading")).getText()));
        assertThat(browser.driver.findElement(By.id("log-heading")).getText()).isEqualTo("Event log");
        assertThat(browser.driver.findElement(By.id("console-title")).getText()).isEqualTo("Hall console");
        assertThat(browser.driver.getTitle()).startsWith("Hall console");
        assertThat(browser.driver.findElement(By.id("toggle-language")).getText()).isEqualTo("中文");
        assertThat(tile("K-A1").getText()).contains("in service").doesNotContain("服务中");
        assertThat(browser.driver.findElement(By.cssSelector("#log .log-line.online .type")).getText().strip())
                .isEqualTo("online");
        assertThat((Object) browser.driver.executeScript("return document.documentElement.lang")).isEqualTo("en");
        fleets[0].helpCalls().raise("certificate-choose", Optional.of("residence")); // for the README's screenshot
        try {
            browser.until("the help call in English", d -> d.findElement(By.id("help-K-A1")).getText()
                    .contains("Acknowledge"));
            Path shot = Path.of("target", "console-en-1366x768.png");
            Files.write(shot, browser.driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } finally {
            fleets[0].helpCalls().cancel(HelpCalls.CANCELLED_BY_CITIZEN);
        }
        browser.until("the help call gone", d -> d.findElements(By.id("help-K-A1")).isEmpty());

        browser.open("/"); // remembered across a reload (cookie okc_lang), rendered so by the server
        browser.until("still English after a reload", d -> "Kiosks".equals(d.findElement(By.id("kiosks-heading")).getText()));
        browser.driver.findElement(By.id("toggle-language")).click();
        browser.until("Chinese again", d -> "自助终端".equals(d.findElement(By.id("kiosks-heading")).getText()));
        assertThat(tile("K-A1").getText()).contains("服务中");
    }

    @Test
    void theConsoleFitsADeskScreenAndATablet() throws Exception {
        loggedInAsOperator();
        HelpCalls.Call call = fleets[0].helpCalls().raise("attract", Optional.empty());
        var demo = runtimes[1].demoControls().orElseThrow();
        demo.receiptPaperOut(true);
        runtimes[1].receipts().printCertificateReceipt(new org.openkiosk.app.service.port.CertificateReceipt(
                "居住证明", "N-2", 1, Instant.now(), "K-0101"));
        try {
            browser.until("the help call shown", d -> !d.findElements(By.id("help-K-A1")).isEmpty());
            browser.until("K-A2's tile red", d -> tile("K-A2").getAttribute("class").contains("critical"));
            assertThat((Object) browser.driver.executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
            Path shot = Path.of("target", "console-1366x768.png");
            Files.write(shot, browser.driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(800, 1280));
            browser.until("no sideways scrolling on a tablet", d -> Boolean.TRUE.equals(browser.driver.executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth")));
        } finally {
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 768));
            fleets[0].helpCalls().cancel(HelpCalls.CANCELLED_BY_CITIZEN);
            demo.receiptPaperOut(false);
            runtimes[1].recheckAllDevices();
            fleets[1].link().update();
        }
        browser.until("K-A2's tile no longer red", d -> !tile("K-A2").getAttribute("class").contains("critical"));
        assertThat(call.id()).startsWith("help-");
    }
}
