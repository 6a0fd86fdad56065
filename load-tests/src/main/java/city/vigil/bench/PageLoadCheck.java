package city.vigil.bench;

import org.openqa.selenium.chrome.ChromeDriver;

/** Loads one page {@code -Dloads} times in chromium and prints each load event: {@code -Dbase=http://127.0.0.1:8080 -Dpath=/}. */
public final class PageLoadCheck {
    public static void main(String[] args) throws Exception {
        String url = System.getProperty("base", "http://127.0.0.1:8080") + System.getProperty("path", "/");
        int loads = Integer.parseInt(System.getProperty("loads", "10"));
        ChromeDriver browser = Chromium.open(1920, 1080);
        try {
            for (int i = 0; i < loads; i++) {
                long t = System.nanoTime();
                browser.get(url + (url.contains("?") ? "&" : "?") + "i=" + i);
                System.out.printf("load %d: load event %.0f ms, get() returned after %.0f ms%n", i, Chromium.loadEventMs(browser),
                        (System.nanoTime() - t) / 1e6);
            }
        } finally {
            browser.quit();
        }
    }
}
