package city.vigil.webhook;

import city.vigil.event.EventType;
import city.vigil.event.Outbox;
import city.vigil.event.OutboxEvent;
import city.vigil.platform.ApiException;
import city.vigil.platform.Page;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A subscription's deliveries with every attempt; replay and test-send put deliveries back in the queue. */
@ApplicationScoped
public class DeliveryLog {

    public record Attempt(Instant at, Integer status, int latencyMs, String error, String response) {
    }

    public record Delivery(long id, String eventId, String type, Instant occurredAt, String state, int attempts, Instant nextAttemptAt,
                           Instant deliveredAt, List<Attempt> log) {
    }

    private final AgroalDataSource dataSource;

    DeliveryLog(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Newest first; {@code state} PENDING, DELIVERED, FAILED or CANCELLED. */
    public Page<Delivery> list(long subscriptionId, String state, Long after, int limit) {
        String sql = "SELECT d.id, d.event_id, e.type, e.occurred_at, d.state, d.attempts, d.next_attempt_at, d.delivered_at FROM webhook_delivery d "
                + "JOIN event_outbox e ON e.id = d.event_id WHERE d.subscription_id = ? AND (?::text IS NULL OR d.state = ?) AND d.id < ? "
                + "ORDER BY d.id DESC LIMIT ?";
        Map<Long, Delivery> rows = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, subscriptionId);
            s.setString(2, state);
            s.setString(3, state);
            s.setLong(4, after == null ? Long.MAX_VALUE : after);
            s.setInt(5, limit + 1);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getLong(1), new Delivery(rs.getLong(1), "evt_" + rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                            rs.getString(5), rs.getInt(6), "PENDING".equals(rs.getString(5)) ? rs.getTimestamp(7).toInstant() : null,
                            SubscriptionStore.instant(rs.getTimestamp(8)), new ArrayList<>()));
                }
            }
            if (!rows.isEmpty()) {
                try (PreparedStatement a = c.prepareStatement("SELECT delivery_id, attempted_at, status, latency_ms, error, response FROM webhook_attempt "
                        + "WHERE delivery_id = ANY (?) ORDER BY id")) {
                    a.setArray(1, c.createArrayOf("int8", rows.keySet().toArray()));
                    try (ResultSet rs = a.executeQuery()) {
                        while (rs.next()) {
                            int status = rs.getInt(3);
                            rows.get(rs.getLong(1)).log().add(new Attempt(rs.getTimestamp(2).toInstant(), rs.wasNull() ? null : status, rs.getInt(4),
                                    rs.getString(5), rs.getString(6)));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the deliveries of webhook subscription " + subscriptionId, e);
        }
        return Page.of(new ArrayList<>(rows.values()), limit, d -> String.valueOf(d.id()), d -> d);
    }

    /**
     * Queues the events again for this subscription (a fresh retry schedule): one event by id, or every event of the
     * period the subscription's filters want. Returns how many were queued.
     */
    int replay(Subscription sub, Long eventId, Instant from, Instant to) {
        String select = "SELECT id, type, area_path, point_class, severity, coalesce((data->>'grouped')::boolean, false), data->>'category', "
                + "data->>'subscriptionId' FROM event_outbox WHERE "
                + (eventId != null ? "id = ?" : "occurred_at >= ? AND occurred_at < ?") + " ORDER BY id";
        int queued = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(select);
                 PreparedStatement upsert = c.prepareStatement("INSERT INTO webhook_delivery (subscription_id, event_id, state, next_attempt_at) "
                         + "VALUES (?, ?, 'PENDING', now()) ON CONFLICT (subscription_id, event_id) DO UPDATE SET state = 'PENDING', attempts = 0, "
                         + "next_attempt_at = now(), claimed_until = NULL, delivered_at = NULL")) {
                if (eventId != null) {
                    s.setLong(1, eventId);
                } else {
                    s.setTimestamp(1, Timestamp.from(from));
                    s.setTimestamp(2, Timestamp.from(to));
                }
                try (ResultSet rs = s.executeQuery()) {
                    boolean any = false;
                    while (rs.next()) {
                        any = true;
                        short pc = rs.getShort(4);
                        Integer pointClass = rs.wasNull() ? null : (int) pc;
                        // One event by id is sent as asked; a period with what the subscription had or would have had (its own
                        // test events included, nobody else's).
                        boolean ownTest = EventType.WEBHOOK_TEST.wire.equals(rs.getString(2)) && String.valueOf(sub.id()).equals(rs.getString(8));
                        if (eventId != null || ownTest
                                || sub.wants(rs.getString(2), rs.getString(3), pointClass, rs.getString(7), rs.getInt(5), rs.getBoolean(6))) {
                            upsert.setLong(1, sub.id());
                            upsert.setLong(2, rs.getLong(1));
                            upsert.addBatch();
                            queued++;
                        }
                    }
                    if (!any && eventId != null) {
                        throw ApiException.invalid("eventId", "no event evt_" + eventId);
                    }
                }
                upsert.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot queue the replay", e);
        }
        return queued;
    }

    /** A {@code webhook.test} event for this subscription only; returns its event id. */
    String test(Subscription sub) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement d = c.prepareStatement("INSERT INTO webhook_delivery (subscription_id, event_id, state, next_attempt_at) "
                    + "VALUES (?, ?, 'PENDING', now())")) {
                long id = Outbox.append(c, OutboxEvent.webhookTest(sub.id(), Instant.now())).orElseThrow();
                d.setLong(1, sub.id());
                d.setLong(2, id);
                d.executeUpdate();
                c.commit();
                return "evt_" + id;
            } catch (SQLException | RuntimeException ex) {
                c.rollback();
                throw ex;
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("Cannot queue the test event", ex);
        }
    }
}
