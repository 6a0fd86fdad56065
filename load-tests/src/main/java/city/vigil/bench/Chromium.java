package city.vigil.bench;

import java.io.File;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's chromium, headless, through Debian's chromium-driver: nothing downloaded, precise JS heap figures on. */
final class Chromium {
    private Chromium() {
    }

    static ChromeDriver open(int width, int height) {
        System.setProperty("SE_OFFLINE", "true");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File("/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--hide-scrollbars",
                "--window-size=" + width + "," + height, "--lang=zh-CN", "--enable-precise-memory-info");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** The page's JS heap in use after a full collection, in bytes. */
    static long heapAfterGc(ChromeDriver driver) {
        driver.executeCdpCommand("HeapProfiler.enable", Map.of());
        driver.executeCdpCommand("HeapProfiler.collectGarbage", Map.of());
        Object used = driver.executeCdpCommand("Runtime.getHeapUsage", Map.of()).get("usedSize");
        return ((Number) used).longValue();
    }

    /** Elements in the page now: a page that leaks nodes grows here. */
    static long nodes(ChromeDriver driver) {
        return ((Number) driver.executeScript("return document.getElementsByTagName('*').length")).longValue();
    }

    /** The navigation's load event, in ms from its start. */
    static double loadEventMs(ChromeDriver driver) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> nav = (List<Map<String, Object>>) driver.executeScript(
                "return performance.getEntriesByType('navigation').map(e => ({load: e.loadEventEnd, start: e.startTime}))");
        Map<String, Object> n = nav.get(0);
        return ((Number) n.get("load")).doubleValue() - ((Number) n.get("start")).doubleValue();
    }
}
