package org.openkiosk.app.console;

import java.time.Duration;
import org.openkiosk.testsupport.RequiredTool;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openkiosk.testsupport.Poll;
import org.openqa.selenium.WebDriverException;

/**
 * Debian's headless chromium driven through its chromedriver (both through {@link RequiredTool}: with CI=true a
 * missing one fails the test), never a downloaded browser.
 */
final class ConsoleBrowser implements AutoCloseable {

    final ChromeDriver driver;
    private final String base;

    ConsoleBrowser(String base, int width, int height) {
        var chromium = RequiredTool.command("chromium", "chromium");
        var chromedriver = RequiredTool.command("chromedriver", "chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + width + "," + height, "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.base = base;
    }

    void open(String path) {
        driver.get(base + path);
    }

    void login(String user, String password) {
        open("/login");
        driver.findElement(By.id("user")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
    }

    /** Waits (polling, with a deadline) until the condition holds. */
    void until(String what, java.util.function.Function<WebDriver, Boolean> condition) {
        Poll.until(Duration.ofSeconds(20), what, () -> {
            try {
                return Boolean.TRUE.equals(condition.apply(driver));
            } catch (WebDriverException e) { // not there yet, or replaced while looked at
                return false;
            }
        });
    }

    /** Runs a fetch in the page and returns the HTTP status. */
    long fetchStatus(String script) {
        Object status = driver.executeAsyncScript("const done = arguments[arguments.length - 1];" + script
                + ".then(r => done(r.status)).catch(e => done(-1));");
        return ((Number) status).longValue();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
