package city.vigil.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Webhook delivery ({@code vigil.webhooks.*}). */
@ConfigMapping(prefix = "vigil.webhooks")
public interface WebhookConfig {

    /** Deliver at all (subscriptions and the outbox work either way). */
    @WithDefault("true")
    boolean enabled();

    /** How often the dispatcher looks for new events and due retries when it had nothing to do. */
    @WithDefault("500ms")
    Duration pollInterval();

    /** Whole request, connect to last response byte. */
    @WithDefault("15s")
    Duration timeout();

    /** Deliveries in flight at once, all subscriptions together. */
    @WithDefault("32")
    int concurrency();

    /** Waits before each retry (Standard Webhooks' schedule), each with up to ±10% jitter. */
    @WithDefault("5s,5m,30m,2h,5h,10h,14h,20h,24h")
    List<Duration> retrySchedule();

    /** A subscription whose deliveries have all failed for this long is disabled. */
    @WithDefault("5d")
    Duration disableAfter();

    /** After a secret rotation the old secret still signs (a second signature) for this long. */
    @WithDefault("24h")
    Duration rotationGrace();

    /**
     * Base of the links in payloads (the API as receivers reach it). Unset: the address and port Vigil is bound to,
     * with a warning at start outside the embedded default.
     */
    Optional<String> publicUrl();

    Targets targets();

    MassOutage massOutage();

    /**
     * Many channels of one district lost in a short time are one {@code area.outage} event, and their camera events
     * go only to subscriptions that ask for them.
     */
    interface MassOutage {
        /** This many camera events of one district within the look-back make a mass outage. */
        @WithDefault("50")
        int threshold();

        @WithDefault("2m")
        Duration lookback();

        /**
         * From this many on, a district's new camera events wait {@link #hold()} before they go out, to see whether
         * they are part of a mass outage; a lone failure is not delayed.
         */
        @WithDefault("10")
        int suspicion();

        @WithDefault("10s")
        Duration hold();

        /**
         * While a district's mass outage lasts, its area.outage is sent again when more channels were lost, at most this
         * often; it ends with one area.recovered when fewer than {@link #suspicion()} of its channels are still down.
         */
        @WithDefault("30s")
        Duration updateInterval();
    }

    /** Where webhooks may go: public addresses; private, loopback and link-local ones only when listed here. */
    /** The same shape as vigil.probe.targets: ranges, and loopback as a switch of its own. */
    interface Targets {
        /** Ranges allowed although private or loopback (e.g. an alerting system in 10.20.0.0/16). */
        Optional<List<String>> allowedCidrs();

        /** A receiver on this machine (loopback) is allowed; the embedded demo allows it by itself. */
        @WithDefault("false")
        boolean allowLoopback();
    }
}
