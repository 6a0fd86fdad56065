package city.vigil.deep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LabTest {

    @Test
    void the_interpolated_cube_root_matches_the_exact_one_across_the_range() {
        for (int i = 0; i <= 100_000; i++) {
            double t = i / 100_000.0;
            assertThat(Lab.f(t)).as("f(%s)", t).isCloseTo(Lab.exactF(t), within(1e-5));
        }
    }

    @Test
    void neutral_grey_has_no_chroma_and_pure_red_the_textbook_values() {
        double[] grey = Lab.of(128, 128, 128);
        assertThat(grey[1]).isCloseTo(0, within(0.05));
        assertThat(grey[2]).isCloseTo(0, within(0.05));
        double[] red = Lab.of(255, 0, 0);
        assertThat(red[0]).isCloseTo(53.2, within(0.2));
        assertThat(red[1]).isCloseTo(80.1, within(0.3));
        assertThat(red[2]).isCloseTo(67.2, within(0.3));
    }
}
