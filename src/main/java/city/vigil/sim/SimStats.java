package city.vigil.sim;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Live counters of the simulator: open connections and streams, and RTSP requests answered. */
public final class SimStats {
    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger streams = new AtomicInteger();
    final AtomicLong requests = new AtomicLong();

    public int connections() {
        return connections.get();
    }

    /** Sessions currently sending video (RTSP playing, or a live HTTP stream). */
    public int streams() {
        return streams.get();
    }

    public long requests() {
        return requests.get();
    }
}
