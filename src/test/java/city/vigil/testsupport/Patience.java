package city.vigil.testsupport;

import java.time.Duration;

/** How long an integration test waits for the monitor, the deep tier or a webhook before it calls a result missing. */
public final class Patience {
    /**
     * A few probe cycles at the test intervals, a deep check with its retries, a webhook with its first retry: generous,
     * since a passing test never waits it out and a slow CI machine must not fail a correct build.
     */
    public static final Duration PATIENCE = Duration.ofSeconds(45);

    private Patience() {
    }
}
