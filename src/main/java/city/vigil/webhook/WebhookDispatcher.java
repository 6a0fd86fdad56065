package city.vigil.webhook;

import city.vigil.event.EventType;
import city.vigil.platform.Daemons;
import city.vigil.platform.Meter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Delivers the outbox to webhook subscribers, at least once, in order per subscription. Two steps on one thread:
 * the fan-out turns new outbox events into one delivery row per interested subscription (the cursor and the rows in
 * one transaction); delivery claims due rows with {@code SKIP LOCKED} and a claim deadline (another node, or this one
 * after a crash, takes them over when it passes) and posts them, one at a time per subscription. A delivery waits
 * behind an older one of its subscription that is waiting to be retried, so a receiver sees events in order.
 * Everything is in PostgreSQL: a restart loses nothing.
 */
@ApplicationScoped
public class WebhookDispatcher {
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int FAN_OUT_BATCH = 1_000;
    private static final int CLAIM_BATCH = 200;
    private static final int MAX_BODY = 20 * 1024;

    private final AgroalDataSource dataSource;
    private final WebhookConfig config;
    private final PublicUrl publicUrl;
    private final SubscriptionStore subscriptions;
    private final WebhookService service;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final Set<Long> busy = ConcurrentHashMap.newKeySet();
    private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();
    private HttpClient http;
    private ScheduledExecutorService loop;
    private Timer latency;
    private volatile boolean stopping;

    WebhookDispatcher(AgroalDataSource dataSource, WebhookConfig config, SubscriptionStore subscriptions, WebhookService service,
                      ObjectMapper json, MeterRegistry meters, PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
        this.dataSource = dataSource;
        this.config = config;
        this.subscriptions = subscriptions;
        this.service = service;
        this.json = json;
        this.meters = meters;
    }

    void onStart(@Observes StartupEvent event) {
        // Never follow redirects: a receiver could send the signed event anywhere.
        http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(config.timeout()).build();
        latency = Meter.WEBHOOK_DELIVERY_LATENCY.timer().publishPercentileHistogram().register(meters);
        // Not @Scheduled: the loop runs again at once while there is work (a backlog drains at full speed) and waits
        // the poll interval only when a pass found nothing.
        loop = Daemons.scheduler("vigil-webhooks");
        if (config.enabled()) {
            loop.schedule(this::run, 0, TimeUnit.MILLISECONDS);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        if (loop != null) {
            loop.shutdownNow();
        }
    }

    private void run() {
        boolean worked = false;
        try {
            worked = fanOut() > 0;
            worked |= deliverDue() > 0;
        } catch (SQLException | RuntimeException e) {
            // PostgreSQL away for a moment: nothing is lost (the outbox and the deliveries are there), try again.
            if (!stopping) {
                LOG.warnf("Webhook dispatcher: %s", e.getMessage());
            }
        }
        if (!stopping) {
            loop.schedule(this::run, worked ? 0 : config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * New outbox events → delivery rows; returns how many events were read. Events are taken in (txid, id) order and
     * only from transactions older than every running one: a cursor never moves past an event still to commit.
     */
    int fanOut() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                String cursorTxid;
                long cursorId;
                try (PreparedStatement s = c.prepareStatement("SELECT last_txid::text, last_id FROM outbox_cursor WHERE name = 'webhooks' FOR UPDATE");
                     ResultSet rs = s.executeQuery()) {
                    rs.next();
                    cursorTxid = rs.getString(1);
                    cursorId = rs.getLong(2);
                }
                List<Subscription> subs = subscriptions.enabled();
                anyFailing = subs.stream().anyMatch(s -> s.failingSince() != null);
                String lastTxid = cursorTxid;
                long lastId = cursorId;
                int read = 0;
                MassOutages mass = new MassOutages(c, config.massOutage());
                // Loss events fanned out in this pass (their delivery rows are written with the batch, at its end).
                Map<Long, Set<Long>> toldThisPass = new java.util.HashMap<>();
                try (PreparedStatement events = c.prepareStatement("SELECT e.id, e.type, e.area_path, e.point_class, e.severity, "
                        + "e.created_at, e.txid::text, array_agg(s.id) FILTER (WHERE s.id IS NOT NULL), e.data->>'category', e.outage_id "
                        + "FROM event_outbox e LEFT JOIN webhook_subscription s ON s.start_txid <= e.txid AND s.enabled "
                        + "WHERE (e.txid, e.id) > (?::xid8, ?) AND e.txid < pg_snapshot_xmin(pg_current_snapshot()) "
                        + "GROUP BY e.id ORDER BY e.txid, e.id LIMIT ?");
                     PreparedStatement insert = c.prepareStatement("INSERT INTO webhook_delivery (subscription_id, event_id, state, next_attempt_at) "
                             + "VALUES (?, ?, 'PENDING', now()) ON CONFLICT DO NOTHING")) {
                    events.setString(1, cursorTxid);
                    events.setLong(2, cursorId);
                    events.setInt(3, FAN_OUT_BATCH);
                    try (ResultSet rs = events.executeQuery()) {
                        while (rs.next()) {
                            MassOutages.Verdict verdict = mass.judge(rs.getString(2), rs.getString(3), rs.getTimestamp(6).toInstant());
                            if (verdict == MassOutages.Verdict.HOLD) {
                                // Wait and see whether the district is having a mass outage; later events wait behind it.
                                break;
                            }
                            read++;
                            long id = rs.getLong(1);
                            lastId = id;
                            lastTxid = rs.getString(7);
                            short pc = rs.getShort(4);
                            Integer pointClass = rs.wasNull() ? null : (int) pc;
                            java.sql.Array started = rs.getArray(8);
                            Set<Long> eligible = new java.util.HashSet<>();
                            if (started != null) {
                                for (Object o : (Object[]) started.getArray()) {
                                    eligible.add(((Number) o).longValue());
                                }
                            }
                            if (EventType.CAMERA_ONLINE.wire.equals(rs.getString(2))) {
                                // A recovery goes only to those told of the loss (not to one that heard it as part of an
                                // area.outage: area.recovered tells those).
                                Set<Long> told = toldOfLoss(c, rs.getLong(10));
                                told.addAll(toldThisPass.getOrDefault(rs.getLong(10), Set.of()));
                                eligible.retainAll(told);
                            }
                            boolean loss = rs.getLong(10) != 0 && !EventType.CAMERA_ONLINE.wire.equals(rs.getString(2));
                            for (Subscription s : subs) {
                                if (eligible.contains(s.id()) && s.wants(rs.getString(2), rs.getString(3), pointClass, rs.getString(9), rs.getInt(5),
                                        verdict == MassOutages.Verdict.GROUPED)) {
                                    insert.setLong(1, s.id());
                                    insert.setLong(2, id);
                                    insert.addBatch();
                                    if (loss) {
                                        toldThisPass.computeIfAbsent(rs.getLong(10), k -> new java.util.HashSet<>()).add(s.id());
                                    }
                                }
                            }
                        }
                    }
                    insert.executeBatch();
                }
                if (System.nanoTime() - episodesFollowedAt > EPISODE_CHECK_NANOS) {
                    mass.followEpisodes();
                    episodesFollowedAt = System.nanoTime();
                }
                if (lastId != cursorId) {
                    try (PreparedStatement s = c.prepareStatement("UPDATE outbox_cursor SET last_txid = ?::xid8, last_id = ? WHERE name = 'webhooks'")) {
                        s.setString(1, lastTxid);
                        s.setLong(2, lastId);
                        s.executeUpdate();
                    }
                }
                c.commit();
                return read;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Subscriptions that have a delivery of the event that opened this outage (camera.offline or camera.degraded). */
    private static Set<Long> toldOfLoss(Connection c, long outageId) throws SQLException {
        Set<Long> told = new java.util.HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT d.subscription_id FROM event_outbox e JOIN webhook_delivery d ON d.event_id = e.id "
                + "WHERE e.outage_id = ? AND e.type IN ('camera.offline', 'camera.degraded')")) {
            s.setLong(1, outageId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    told.add(rs.getLong(1));
                }
            }
        }
        return told;
    }

    /** Some subscription's deliveries were failing at the last fan-out: a success may mean its receiver is back. */
    private volatile boolean anyFailing;

    /** How often open mass-outage episodes are looked at (their growth and their end). */
    private static final long EPISODE_CHECK_NANOS = TimeUnit.SECONDS.toNanos(5);
    private long episodesFollowedAt;

    /** A claimed delivery with what sending it needs. */
    private record Claimed(long id, long subscriptionId, int attempts, long eventId, String type, Instant occurredAt, String data) {
    }

    /** Claims due deliveries of subscriptions not already sending and starts one chain per subscription. */
    int deliverDue() throws SQLException {
        String sql = "UPDATE webhook_delivery d SET claimed_until = now() + ? * interval '1 millisecond' FROM event_outbox e "
                + "WHERE d.event_id = e.id AND d.id IN (SELECT id FROM webhook_delivery w WHERE state = 'PENDING' AND next_attempt_at <= now() "
                + "AND (claimed_until IS NULL OR claimed_until < now()) AND NOT (subscription_id = ANY (?)) "
                + "AND NOT EXISTS (SELECT 1 FROM webhook_delivery o WHERE o.subscription_id = w.subscription_id AND o.state = 'PENDING' "
                + "AND o.id < w.id AND o.next_attempt_at > now()) "
                + "ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED) "
                + "RETURNING d.id, d.subscription_id, d.attempts, e.id, e.type, e.occurred_at, e.data::text";
        Map<Long, List<Claimed>> bySubscription = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, claimMillis());
            s.setArray(2, c.createArrayOf("int8", busy.toArray()));
            s.setInt(3, CLAIM_BATCH);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Claimed d = new Claimed(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4), rs.getString(5),
                            rs.getTimestamp(6).toInstant(), rs.getString(7));
                    bySubscription.computeIfAbsent(d.subscriptionId(), k -> new ArrayList<>()).add(d);
                }
            }
        }
        int started = 0;
        for (Map.Entry<Long, List<Claimed>> e : bySubscription.entrySet()) {
            if (busy.size() >= config.concurrency()) {
                release(e.getValue());
                continue;
            }
            List<Claimed> chain = e.getValue();
            chain.sort((a, b) -> Long.compare(a.id(), b.id()));
            busy.add(e.getKey());
            started += chain.size();
            sendChain(new Chain(e.getKey(), chain), 0);
        }
        return started;
    }

    /**
     * How long a claim lasts: two request timeouts and a margin. Short, so deliveries a stopped or crashed node had
     * claimed are taken over soon; a chain renews the claims of what it still has to send before each attempt.
     */
    private long claimMillis() {
        return config.timeout().toMillis() * 2 + 5_000;
    }

    /** One subscription's claimed deliveries, sent one after another. */
    private final class Chain {
        final long subscriptionId;
        final List<Claimed> deliveries;
        Subscription subscription;
        long readAt;
        long renewedAt = System.nanoTime();

        Chain(long subscriptionId, List<Claimed> deliveries) {
            this.subscriptionId = subscriptionId;
            this.deliveries = deliveries;
        }

        /** The subscription as stored, read again every second (a rotation or a disable shows within a second). */
        Optional<Subscription> subscription() {
            if (subscription == null || System.nanoTime() - readAt > TimeUnit.SECONDS.toNanos(1)) {
                subscription = subscriptions.find(subscriptionId).orElse(null);
                readAt = System.nanoTime();
            }
            return Optional.ofNullable(subscription);
        }
    }

    /** Sends the chain's deliveries one after another; stops (and releases the rest) at the first that must be retried. */
    private void sendChain(Chain chain, int index) {
        List<Claimed> rest = chain.deliveries.subList(index, chain.deliveries.size());
        if (rest.isEmpty()) {
            busy.remove(chain.subscriptionId);
            return;
        }
        if (stopping) {
            release(rest);
            busy.remove(chain.subscriptionId);
            return;
        }
        // Renew the claims of what is left once half their time is gone (a slow receiver).
        if (System.nanoTime() - chain.renewedAt > TimeUnit.MILLISECONDS.toNanos(claimMillis() / 2)) {
            renew(rest);
            chain.renewedAt = System.nanoTime();
        }
        Optional<Subscription> sub = chain.subscription();
        if (sub.isEmpty() || !sub.get().enabled()) {
            cancel(rest);
            busy.remove(chain.subscriptionId);
            return;
        }
        CompletableFuture<Boolean> attempt;
        try {
            attempt = attempt(sub.get(), rest.get(0));
        } catch (RuntimeException e) {
            // Nothing to send it with (a URL or an event that no longer reads): its claim runs out and it is tried again.
            LOG.warnf("Webhook delivery %d: %s", rest.get(0).id(), e.getMessage());
            release(rest.subList(1, rest.size()));
            busy.remove(chain.subscriptionId);
            return;
        }
        attempt.whenComplete((delivered, failure) -> {
            if (Boolean.TRUE.equals(delivered)) {
                sendChain(chain, index + 1);
            } else {
                release(rest.subList(1, rest.size()));
                busy.remove(chain.subscriptionId);
            }
        });
    }

    /** One attempt: sign, post, log, decide. Completes with whether the chain may go on. */
    private CompletableFuture<Boolean> attempt(Subscription sub, Claimed d) {
        Instant now = Instant.now();
        String body = body(d);
        String id = "evt_" + d.eventId();
        long timestamp = now.getEpochSecond();
        URI url = URI.create(sub.url());
        Optional<String> refused = service.targets().refuse(url);
        if (refused.isPresent()) {
            return CompletableFuture.completedFuture(record(sub, d, now, null, null, 0, "target refused: " + refused.get(), null));
        }
        String signatures = String.join(" ", sub.signingSecrets(now).stream().map(secret -> WebhookSecrets.sign(secret, id, timestamp, body)).toList());
        HttpRequest request = HttpRequest.newBuilder(url).timeout(config.timeout())
                .header("content-type", "application/json")
                .header("user-agent", "Vigil-Webhooks/1")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signatures)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long started = System.nanoTime();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
            int ms = (int) ((System.nanoTime() - started) / 1_000_000);
            latency.record(Duration.ofMillis(ms));
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                return record(sub, d, now, null, null, ms, cause.getClass().getSimpleName() + ": " + cause.getMessage(), null);
            }
            Duration retryAfter = DeliveryOutcome.parseRetryAfter(response.headers().firstValue("retry-after").orElse(null), Instant.now());
            return record(sub, d, now, response.statusCode(), retryAfter, ms, null, response.body());
        });
    }

    /** The payload: {type, timestamp, data} with links back to the API; the same bytes on every attempt. */
    private String body(Claimed d) {
        try {
            ObjectNode data = (ObjectNode) json.readTree(d.data());
            ObjectNode links = data.putObject("links");
            String base = publicUrl.get();
            if (data.hasNonNull("gbId") && data.path("device").asBoolean(false)) {
                links.put("channels", base + "/api/v1/cameras?parent=" + data.get("gbId").asText());
            } else if (data.hasNonNull("gbId")) {
                links.put("camera", base + "/api/v1/cameras/" + data.get("gbId").asText() + "/status");
            }
            if (data.hasNonNull("outageId")) {
                links.put("outage", base + "/api/v1/outages/" + data.get("outageId").asText());
            }
            ObjectNode root = json.createObjectNode();
            root.put("type", d.type());
            root.put("timestamp", d.occurredAt().toString());
            root.set("data", data);
            String body = json.writeValueAsString(root);
            if (body.length() > MAX_BODY) {
                // Receivers cap bodies; the links say where the rest is.
                root.set("data", json.createObjectNode().put("truncated", true).set("links", links));
                body = json.writeValueAsString(root);
            }
            return body;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Outbox event " + d.eventId() + " has unreadable data", e);
        }
    }

    /** Logs the attempt, moves the delivery on, and the subscription when it is gone or failing too long. */
    private boolean record(Subscription sub, Claimed d, Instant at, Integer status, Duration retryAfter, int ms, String error, String response) {
        int attempts = d.attempts() + 1;
        DeliveryOutcome outcome = DeliveryOutcome.after(attempts, status, retryAfter, config.retrySchedule(), Instant.now());
        count(outcome.kind().name().toLowerCase());
        String state = switch (outcome.kind()) {
            case DELIVERED -> "DELIVERED";
            case RETRY -> "PENDING";
            case FAILED -> "FAILED";
            case GONE -> "CANCELLED";
        };
        // The attempt's log line and the delivery's next state in one statement: one round trip, atomic.
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("WITH moved AS (UPDATE webhook_delivery SET "
                + "attempts = ?, state = ?, next_attempt_at = coalesce(?, next_attempt_at), claimed_until = NULL, last_status = ?, "
                + "delivered_at = CASE WHEN ? = 'DELIVERED' THEN now() END WHERE id = ? RETURNING id) "
                + "INSERT INTO webhook_attempt (delivery_id, attempted_at, status, latency_ms, error, response) SELECT id, ?, ?, ?, ?, ? FROM moved")) {
            s.setInt(1, attempts);
            s.setString(2, state);
            s.setTimestamp(3, outcome.nextAttemptAt() == null ? null : Timestamp.from(outcome.nextAttemptAt()));
            setStatus(s, 4, status);
            s.setString(5, state);
            s.setLong(6, d.id());
            s.setTimestamp(7, Timestamp.from(at));
            setStatus(s, 8, status);
            s.setInt(9, ms);
            s.setString(10, error == null ? null : error.substring(0, Math.min(256, error.length())));
            s.setString(11, response == null ? null : response.substring(0, Math.min(512, response.length())));
            s.executeUpdate();
            // The subscription's failure record changes only when it starts or stops failing, or is gone.
            if (outcome.kind() != DeliveryOutcome.Kind.DELIVERED || sub.failingSince() != null) {
                subscriptionHealth(c, sub, outcome);
            }
            if (outcome.kind() == DeliveryOutcome.Kind.DELIVERED && (sub.failingSince() != null || anyFailing)) {
                receiverIsBack(c, sub);
            }
        } catch (SQLException e) {
            // The claim runs out and the delivery is attempted again: at least once, never lost.
            LOG.warnf("Webhook delivery %d: cannot record the attempt: %s", d.id(), e.getMessage());
            return false;
        }
        return outcome.kind() == DeliveryOutcome.Kind.DELIVERED;
    }

    private static void setStatus(PreparedStatement s, int index, Integer status) throws SQLException {
        if (status == null) {
            s.setNull(index, java.sql.Types.INTEGER);
        } else {
            s.setInt(index, status);
        }
    }

    /**
     * The receiver answered: the retries waiting on its failure (this subscription's, and those of every failing one
     * sent to the same scheme, host and port) are due now, not at their next scheduled attempt minutes or hours away.
     */
    private void receiverIsBack(Connection c, Subscription sub) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE webhook_delivery d SET next_attempt_at = now() FROM webhook_subscription s "
                + "WHERE d.subscription_id = s.id AND d.state = 'PENDING' AND d.next_attempt_at > now() AND s.enabled "
                + "AND (s.id = ? OR (s.failing_since IS NOT NULL AND substring(s.url from '^[A-Za-z]+://[^/?#]+') = substring(? from '^[A-Za-z]+://[^/?#]+')))")) {
            s.setLong(1, sub.id());
            s.setString(2, sub.url());
            int due = s.executeUpdate();
            if (due > 0) {
                LOG.infof("Webhook receiver of subscription %d answers again: %d waiting deliveries are due now", sub.id(), due);
            }
        }
    }

    private void subscriptionHealth(Connection c, Subscription sub, DeliveryOutcome outcome) throws SQLException {
        String sql;
        if (outcome.kind() == DeliveryOutcome.Kind.DELIVERED) {
            sql = "UPDATE webhook_subscription SET failing_since = NULL WHERE id = ? AND failing_since IS NOT NULL";
        } else if (outcome.kind() == DeliveryOutcome.Kind.GONE) {
            sql = "UPDATE webhook_subscription SET enabled = false, disabled_reason = 'the receiver answered 410 Gone', updated_at = now(), "
                    + "version = version + 1 WHERE id = ?";
            LOG.warnf("Webhook subscription %d disabled: its receiver answered 410 Gone", sub.id());
        } else {
            sql = "UPDATE webhook_subscription SET failing_since = coalesce(failing_since, now()), "
                    + "enabled = CASE WHEN failing_since < now() - ? * interval '1 second' THEN false ELSE enabled END, "
                    + "disabled_reason = CASE WHEN failing_since < now() - ? * interval '1 second' THEN 'every delivery failed for "
                    + config.disableAfter().toDays() + " days' ELSE disabled_reason END WHERE id = ?";
        }
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (outcome.kind() == DeliveryOutcome.Kind.RETRY || outcome.kind() == DeliveryOutcome.Kind.FAILED) {
                s.setLong(1, config.disableAfter().toSeconds());
                s.setLong(2, config.disableAfter().toSeconds());
                s.setLong(3, sub.id());
            } else {
                s.setLong(1, sub.id());
            }
            s.executeUpdate();
        }
    }

    private void renew(List<Claimed> deliveries) {
        update("UPDATE webhook_delivery SET claimed_until = now() + " + claimMillis() + " * interval '1 millisecond' WHERE id = ANY (?)", deliveries);
    }

    private void release(List<Claimed> deliveries) {
        update("UPDATE webhook_delivery SET claimed_until = NULL WHERE id = ANY (?)", deliveries);
    }

    private void cancel(List<Claimed> deliveries) {
        update("UPDATE webhook_delivery SET claimed_until = NULL, state = 'CANCELLED' WHERE id = ANY (?)", deliveries);
    }

    private void update(String sql, List<Claimed> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("int8", deliveries.stream().map(Claimed::id).toArray()));
            s.executeUpdate();
        } catch (SQLException e) {
            // The claims run out by themselves.
            LOG.warnf("Webhook deliveries: cannot release claims: %s", e.getMessage());
        }
    }

    private void count(String outcome) {
        outcomes.computeIfAbsent(outcome, o -> Meter.WEBHOOK_ATTEMPTS.counter(o).register(meters)).increment();
    }
}
