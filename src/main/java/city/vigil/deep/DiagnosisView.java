package city.vigil.deep;

import city.vigil.probe.ImageFault;
import java.time.Instant;
import java.util.List;

/**
 * A camera's newest deep check: whether a frame was decoded (else the cause), the faults found (primary first) with
 * every verdict's score, threshold, confidence and evidence, and what the stream is.
 */
public record DiagnosisView(String gbId, Instant checkedAt, boolean decoded, String cause, ImageFault primary, List<ImageFault> faults,
                            List<Verdict> verdicts, Measures measures, Instant baselineLearnedAt, Instant snapshotAt) {

    /** What the stream is, as far as one grab shows. */
    public record Measures(String stream, Long timeToFirstFrameMs, String codec, Integer width, Integer height, Double fps, Long bitrate,
                           Integer gop, String detail) {
    }
}
