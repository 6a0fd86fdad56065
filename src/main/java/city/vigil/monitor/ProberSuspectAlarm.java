package city.vigil.monitor;

import city.vigil.event.Outbox;
import city.vigil.event.OutboxEvent;
import io.agroal.api.AgroalDataSource;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The prober's own alarm (DESIGN §1): when most probes fail at once across districts, the prober's network is the
 * suspect, not the cameras. One log line and one {@code monitor.prober_suspect} event per episode.
 */
final class ProberSuspectAlarm implements ChannelBook.GuardListener {
    private static final Logger LOG = Logger.getLogger(ProberSuspectAlarm.class);

    private final AgroalDataSource dataSource;
    /** The event is written off the monitor's event loop. */
    private final Executor io;
    private final AtomicLong alerts = new AtomicLong();
    private volatile Instant since;

    ProberSuspectAlarm(AgroalDataSource dataSource, Executor io) {
        this.dataSource = dataSource;
        this.io = io;
    }

    @Override
    public void changed(ProberGuard.Change change, Instant at) {
        if (change == ProberGuard.Change.BECAME_SUSPECT) {
            since = at;
            alerts.incrementAndGet();
            LOG.errorf("ALERT prober_suspect: most probes fail at once across districts; results count as UNKNOWN and no outages open "
                    + "until the prober's own network recovers (since %s)", at);
            io.execute(() -> announce(at));
        } else if (change == ProberGuard.Change.CLEARED) {
            LOG.infof("Prober no longer suspect (suspect since %s)", since);
            since = null;
        }
    }

    /** Since when the prober is suspect; null when it is not. */
    Instant since() {
        return since;
    }

    long alerts() {
        return alerts.get();
    }

    private void announce(Instant at) {
        try {
            Outbox.append(dataSource, OutboxEvent.proberSuspect(at));
        } catch (SQLException e) {
            LOG.warnf("Cannot write the prober_suspect event: %s", e.getMessage());
        }
    }
}
