package city.vigil.deep;

/**
 * What a grab saw of the stream over the frozen window after its first keyframe. An encoder whose picture moves sends
 * inter frames worth several hundredths of a bit per pixel and a good share of its keyframe; a frozen one sends next to
 * nothing, or a constant trickle of refinement and grain far below its keyframe. So the frames are decoded and
 * compared only when the coded sizes cannot rule "frozen" out: then {@code later} is a frame at least the window on.
 * {@code frames} is 0 when the window was not watched (turned off, or the stream ended).
 *
 * @param frames        video packets read over the window
 * @param spanMicros    stream time covered from the first keyframe to the last packet read (timestamp jumps left out)
 * @param bitsPerPixel  the inter frames' slice bits per pixel, on average; NaN when there were none (intra-only)
 * @param keyframeShare the inter frames' average size over the keyframe's; NaN when there were none
 * @param later         a decoded frame at least the window on, when the coded size left "frozen" open; else null
 */
public record Motion(int frames, long spanMicros, double bitsPerPixel, double keyframeShare, FrameSample later) {
    static final Motion NOT_WATCHED = new Motion(0, 0, Double.NaN, Double.NaN, null);

    /** The coded sizes alone show a moving picture: enough bits per pixel, and a real share of the keyframe's. */
    boolean moving(double minBitsPerPixel, double minKeyframeShare) {
        return bitsPerPixel >= minBitsPerPixel && keyframeShare >= minKeyframeShare;
    }
}
