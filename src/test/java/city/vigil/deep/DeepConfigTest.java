package city.vigil.deep;

import static org.assertj.core.api.Assertions.assertThat;

import city.vigil.testsupport.PostgresTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The configured thresholds default to the ones calibrated on the picture corpus (CorpusDiagnosisTest). */
@QuarkusTest
@QuarkusTestResource(PostgresTestDatabase.class)
class DeepConfigTest {
    @Inject
    DeepConfig config;

    @Test
    void configured_thresholds_default_to_the_calibrated_ones() {
        assertThat(config.thresholds().toThresholds()).isEqualTo(Diagnostics.Thresholds.defaults());
    }
}
