package city.vigil.event;

import city.vigil.access.Roles;
import city.vigil.area.AreaService;
import city.vigil.platform.ApiException;
import city.vigil.platform.CallerScope;
import city.vigil.platform.Daemons;
import city.vigil.platform.Params;
import city.vigil.platform.Scope;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/v1/events}: a live stream (SSE) of every state change and every outage event, filtered by area and
 * point class. Each event's id is {@code <outbox txid>.<outbox id>-<transition id>}: a client that reconnects with
 * {@code Last-Event-ID} resumes exactly after it, from PostgreSQL, so nothing in between is missed (outbox events in
 * the order their transactions finished, as the webhook fan-out reads them). A comment line every 15 s keeps proxies
 * from closing a quiet stream.
 */
@Path("/api/v1/events")
@Tag(name = "Events", description = "Live stream of state changes and outage events (SSE)")
@Singleton
public class EventStream {
    private static final int BATCH = 500;
    private static final long HEARTBEAT_MS = 15_000;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    AreaService areas;
    @Inject
    CallerScope scope;
    @Inject
    ObjectMapper json;
    @Inject
    EventsConfig config;

    private final ScheduledExecutorService timer = Daemons.scheduler("vigil-events", 2);

    void onStop(@Observes ShutdownEvent event) {
        timer.shutdownNow();
    }

    /** Where a client is in both sources. */
    private static final class Cursor {
        String outboxTxid = "0";
        long outbox;
        long transition;
        long lastSent = System.currentTimeMillis();

        String id() {
            return outboxTxid + "." + outbox + "-" + transition;
        }
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live events (SSE)", description = "Events named by type (camera.offline, camera.online, camera.degraded …, and "
            + "state.changed for every state transition), data in JSON. area (code: its subtree), pointClass (comma-separated). Reconnect with "
            + "Last-Event-ID to resume; without it the stream starts now.")
    // On the endpoint, not the class: a class-level check would also guard the shutdown observer, and a refused
    // observer stops the shutdown of every bean after it.
    @RolesAllowed(Roles.INTEGRATOR)
    public void stream(@QueryParam("area") String area, @QueryParam("pointClass") String pointClass, @HeaderParam("Last-Event-ID") String lastEventId,
                       @Context SseEventSink sink, @Context Sse sse) {
        Scope s = scope.get();
        String areaPath = Params.blankToNull(area) == null ? null : areas.requireForResource(s, "area", area.trim()).path;
        List<Integer> classes = Params.ints("pointClass", pointClass, 1, 2, 3, 4, 9);
        Cursor cursor = lastEventId == null || lastEventId.isBlank() ? now() : parse(lastEventId);
        ScheduledFuture<?>[] task = new ScheduledFuture<?>[1];
        task[0] = timer.scheduleWithFixedDelay(() -> {
            if (sink.isClosed()) {
                task[0].cancel(false);
                return;
            }
            try {
                for (Item item : poll(cursor, s, areaPath, classes)) {
                    sink.send(sse.newEventBuilder().id(item.id()).name(item.name()).mediaType(MediaType.APPLICATION_JSON_TYPE).data(item.data()).build());
                    cursor.lastSent = System.currentTimeMillis();
                }
                if (System.currentTimeMillis() - cursor.lastSent >= HEARTBEAT_MS) {
                    sink.send(sse.newEventBuilder().comment("heartbeat").build());
                    cursor.lastSent = System.currentTimeMillis();
                }
            } catch (RuntimeException | SQLException e) {
                // The client went away (or the database did): the client reconnects with its Last-Event-ID.
                task[0].cancel(false);
                sink.close();
            }
        }, 0, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    private record Item(String id, String name, String data) {
    }

    /**
     * Outbox events and transitions after the cursor, oldest first, those matching the filters as items; the cursor
     * moves over every row read (filtering here rather than in SQL keeps a quiet filter from re-reading rows).
     */
    private List<Item> poll(Cursor c, Scope s, String areaPath, List<Integer> classes) throws SQLException {
        List<Item> items = new ArrayList<>();
        try (Connection conn = dataSource.getConnection()) {
            try (PreparedStatement st = conn.prepareStatement("SELECT e.id, e.type, e.occurred_at, e.data::text, e.txid::text, e.area_path, e.point_class "
                    + "FROM event_outbox e WHERE (e.txid, e.id) > (?::xid8, ?) AND e.txid < pg_snapshot_xmin(pg_current_snapshot()) "
                    + "ORDER BY e.txid, e.id LIMIT " + BATCH)) {
                st.setString(1, c.outboxTxid);
                st.setLong(2, c.outbox);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        c.outbox = rs.getLong(1);
                        c.outboxTxid = rs.getString(5);
                        short pc = rs.getShort(7);
                        Integer pointClass = rs.wasNull() ? null : (int) pc;
                        if ("webhook.test".equals(rs.getString(2)) || !wanted(s, areaPath, classes, rs.getString(6), pointClass)) {
                            continue;
                        }
                        ObjectNode node = json.createObjectNode().put("type", rs.getString(2)).put("timestamp", rs.getTimestamp(3).toInstant().toString());
                        node.set("data", readTree(rs.getString(4)));
                        items.add(new Item(c.id(), rs.getString(2), node.toString()));
                    }
                }
            }
            try (PreparedStatement st = conn.prepareStatement("SELECT t.id, t.gb_id, t.at, t.from_state, t.to_state, t.cause, t.flapping, k.area_code, "
                    + "k.point_class, k.area_path FROM state_transition t LEFT JOIN camera k ON k.gb_id = t.gb_id WHERE t.id > ? ORDER BY t.id LIMIT " + BATCH)) {
                st.setLong(1, c.transition);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        c.transition = rs.getLong(1);
                        if (rs.getString(10) == null || !wanted(s, areaPath, classes, rs.getString(10), rs.getInt(9))) {
                            continue;
                        }
                        ObjectNode data = json.createObjectNode().put("gbId", rs.getString(2).trim()).put("at", rs.getTimestamp(3).toInstant().toString())
                                .put("from", rs.getString(4)).put("to", rs.getString(5)).put("cause", rs.getString(6)).put("flapping", rs.getBoolean(7))
                                .put("areaCode", rs.getString(8)).put("pointClass", rs.getInt(9));
                        items.add(new Item(c.id(), "state.changed", json.createObjectNode().put("type", "state.changed")
                                .put("timestamp", rs.getTimestamp(3).toInstant().toString()).set("data", data).toString()));
                    }
                }
            }
        }
        return items;
    }

    private static boolean wanted(Scope s, String areaPath, List<Integer> classes, String rowPath, Integer rowClass) {
        if (rowPath == null ? !s.isAll() || areaPath != null : !s.allows(rowPath) || (areaPath != null && !rowPath.startsWith(areaPath))) {
            return false;
        }
        return classes.isEmpty() || rowClass == null || classes.contains(rowClass);
    }

    private com.fasterxml.jackson.databind.JsonNode readTree(String text) {
        try {
            return json.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return json.createObjectNode();
        }
    }

    private Cursor now() {
        try (Connection conn = dataSource.getConnection()) {
            return now(conn);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read where the event stream is", e);
        }
    }

    private static Cursor now(Connection conn) throws SQLException {
        Cursor c = new Cursor();
        try (PreparedStatement st = conn.prepareStatement("SELECT (SELECT txid::text || '.' || id FROM event_outbox "
                + "WHERE txid < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY txid DESC, id DESC LIMIT 1), "
                + "(SELECT coalesce(max(id), 0) FROM state_transition)"); ResultSet rs = st.executeQuery()) {
            rs.next();
            if (rs.getString(1) != null) {
                String[] top = rs.getString(1).split("\\.");
                c.outboxTxid = top[0];
                c.outbox = Long.parseLong(top[1]);
            }
            c.transition = rs.getLong(2);
        }
        return c;
    }

    private static Cursor parse(String lastEventId) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,20})\\.(\\d{1,19})-(\\d{1,19})").matcher(lastEventId.trim());
        if (!m.matches()) {
            throw ApiException.invalid("Last-Event-ID", "is the id of an event of this stream, such as 7731.120-4581");
        }
        Cursor c = new Cursor();
        c.outboxTxid = m.group(1);
        c.outbox = Long.parseLong(m.group(2));
        c.transition = Long.parseLong(m.group(3));
        return c;
    }
}
