package city.vigil.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What to do after one delivery attempt: delivered, retry at a time, give up, or disable the subscription (410). Pure,
 * so the retry rules are tested on their own: the schedule's wait for this attempt with ±10% jitter, a receiver's
 * Retry-After on 429/503 instead (up to a day), nothing after the schedule is used up.
 */
record DeliveryOutcome(Kind kind, Instant nextAttemptAt) {
    enum Kind { DELIVERED, RETRY, FAILED, GONE }

    private static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(24);

    /**
     * @param attempts attempts made so far, this one included
     * @param status the HTTP status, or null when no answer came (refused, timeout, target not allowed)
     * @param retryAfter the receiver's Retry-After, already parsed, or null
     */
    static DeliveryOutcome after(int attempts, Integer status, Duration retryAfter, List<Duration> schedule, Instant now) {
        if (status != null && status >= 200 && status < 300) {
            return new DeliveryOutcome(Kind.DELIVERED, null);
        }
        if (status != null && status == 410) {
            return new DeliveryOutcome(Kind.GONE, null);
        }
        if (attempts > schedule.size()) {
            return new DeliveryOutcome(Kind.FAILED, null);
        }
        if (retryAfter != null && status != null && (status == 429 || status == 503)) {
            Duration wait = retryAfter.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : retryAfter.isNegative() ? Duration.ZERO : retryAfter;
            return new DeliveryOutcome(Kind.RETRY, now.plus(wait));
        }
        Duration wait = schedule.get(attempts - 1);
        long jitter = (long) (wait.toMillis() * 0.1 * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
        return new DeliveryOutcome(Kind.RETRY, now.plus(wait).plusMillis(jitter));
    }

    /** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
    static Duration parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            try {
                Instant at = java.time.ZonedDateTime.parse(value.trim(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Duration.between(now, at);
            } catch (java.time.format.DateTimeParseException e2) {
                return null;
            }
        }
    }
}
