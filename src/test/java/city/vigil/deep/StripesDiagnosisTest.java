package city.vigil.deep;

import static org.assertj.core.api.Assertions.assertThat;

import city.vigil.probe.ImageFault;
import java.util.List;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Rolling interference on synthetic pictures: faint bands over a whole scene are stripes; a scene's own horizontal
 * structure (a skyline, a few lane marks in the lower half) is not.
 */
class StripesDiagnosisTest {
    private final Diagnostics diagnostics = new Diagnostics(Diagnostics.Thresholds.defaults());

    /** Sky getting lighter towards the horizon, a darker road below it. */
    private static int street(int x, int y) {
        return y < 45 ? 150 + y : 70 + (x * 7 + y * 3) % 20;
    }

    @Test
    void faint_bands_across_the_whole_picture_are_stripes() {
        FrameSample banded = sample((x, y) -> street(x, y) + (int) Math.round(7 * Math.sin(2 * Math.PI * y / 11.0)));

        assertThat(faults(banded)).contains(ImageFault.STRIPES);
    }

    @Test
    void lane_marks_and_a_skyline_are_not_stripes() {
        FrameSample lanes = sample((x, y) -> {
            boolean laneMark = y > 45 && y % 11 == 0 && (x / 10) % 2 == 0;
            boolean building = y > 25 && y < 45 && (x / 20) % 2 == 0;
            return laneMark ? 230 : building ? 90 : street(x, y);
        });

        assertThat(faults(lanes)).doesNotContain(ImageFault.STRIPES);
    }

    private List<ImageFault> faults(FrameSample f) {
        return List.copyOf(Diagnostics.faults(diagnostics.diagnose(f, null, new Diagnostics.History(null))));
    }

    private static FrameSample sample(IntBinaryOperator luma) {
        byte[] rgb = new byte[FrameSample.WIDTH * FrameSample.HEIGHT * 3];
        for (int y = 0; y < FrameSample.HEIGHT; y++) {
            for (int x = 0; x < FrameSample.WIDTH; x++) {
                int v = Math.max(0, Math.min(255, luma.applyAsInt(x, y)));
                int i = (y * FrameSample.WIDTH + x) * 3;
                rgb[i] = (byte) v;
                rgb[i + 1] = (byte) v;
                rgb[i + 2] = (byte) v;
            }
        }
        return new FrameSample(FrameSample.WIDTH, FrameSample.HEIGHT, 640, 360, rgb);
    }
}
