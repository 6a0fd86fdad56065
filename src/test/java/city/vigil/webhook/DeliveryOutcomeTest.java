package city.vigil.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryOutcomeTest {
    private static final List<Duration> SCHEDULE = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2),
            Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(14), Duration.ofHours(20), Duration.ofHours(24));
    private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");

    @Test
    void failures_are_retried_on_the_standard_webhooks_schedule_with_at_most_ten_percent_jitter_then_given_up() {
        for (int attempt = 1; attempt <= SCHEDULE.size(); attempt++) {
            for (int i = 0; i < 50; i++) {
                DeliveryOutcome o = DeliveryOutcome.after(attempt, 500, null, SCHEDULE, NOW);
                assertThat(o.kind()).isEqualTo(DeliveryOutcome.Kind.RETRY);
                long wait = Duration.between(NOW, o.nextAttemptAt()).toMillis();
                long planned = SCHEDULE.get(attempt - 1).toMillis();
                assertThat(wait).as("attempt %d", attempt).isBetween((long) (planned * 0.9), (long) (planned * 1.1));
            }
        }
        assertThat(DeliveryOutcome.after(SCHEDULE.size() + 1, null, null, SCHEDULE, NOW).kind()).isEqualTo(DeliveryOutcome.Kind.FAILED);
    }

    @Test
    void success_gone_and_retry_after_are_honoured() {
        assertThat(DeliveryOutcome.after(1, 204, null, SCHEDULE, NOW).kind()).isEqualTo(DeliveryOutcome.Kind.DELIVERED);
        assertThat(DeliveryOutcome.after(3, 410, null, SCHEDULE, NOW).kind()).isEqualTo(DeliveryOutcome.Kind.GONE);
        assertThat(DeliveryOutcome.after(1, 429, Duration.ofSeconds(120), SCHEDULE, NOW).nextAttemptAt()).isEqualTo(NOW.plusSeconds(120));
        assertThat(DeliveryOutcome.after(1, 503, Duration.ofDays(9), SCHEDULE, NOW).nextAttemptAt()).as("at most a day")
                .isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(DeliveryOutcome.after(1, 302, null, SCHEDULE, NOW).kind()).as("a redirect is not followed: a failure")
                .isEqualTo(DeliveryOutcome.Kind.RETRY);
        assertThat(DeliveryOutcome.parseRetryAfter("Sat, 21 Nov 2026 08:01:00 GMT", NOW)).isEqualTo(Duration.ofSeconds(60));
        assertThat(DeliveryOutcome.parseRetryAfter("soon", NOW)).isNull();
    }
}
