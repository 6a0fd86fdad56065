package city.vigil.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real browser for the page tests: Debian's chromium, headless, through Debian's chromium-driver, so nothing is
 * downloaded (the driver and binary paths are set; Selenium Manager never runs). Screenshots go to
 * {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;

    /**
     * {@code language}: the browser's Accept-Language ({@code zh-CN}, {@code en-US}). Awaits ignore stale elements
     * while it is open: live panels are swapped in while a test reads them, and an element found just before is
     * found again.
     */
    public Browser(String language, int width, int height) {
        org.awaitility.Awaitility.ignoreExceptionByDefault(org.openqa.selenium.StaleElementReferenceException.class);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + width + "," + height, "--lang=" + language, "--hide-scrollbars");
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * Clicks what loads a new page (a form's button, a link) and returns once that page has loaded. Chromedriver may
     * answer a click before the form's navigation has begun, and a lookup right after it then reads the old page or
     * one still being parsed (seen in CI: the notice of a redirect not found).
     */
    public void clickAndLoad(WebElement target) {
        WebElement before = driver.findElement(By.tagName("html"));
        target.click();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> gone(before) && "complete".equals(driver.executeScript("return document.readyState")));
    }

    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        }
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) throws IOException {
        Files.createDirectories(SHOTS);
        Path file = SHOTS.resolve(name + ".png");
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    @Override
    public void close() {
        driver.quit();
        org.awaitility.Awaitility.reset();
    }
}
