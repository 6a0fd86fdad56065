package city.vigil.platform;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Background threads of Vigil's own: named (they show so in thread dumps and logs) and daemon (they never hold up a stop). */
public final class Daemons {
    private Daemons() {
    }

    /** One thread for timed work. */
    public static ScheduledExecutorService scheduler(String name) {
        return scheduler(name, 1);
    }

    public static ScheduledExecutorService scheduler(String name, int threads) {
        return Executors.newScheduledThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
