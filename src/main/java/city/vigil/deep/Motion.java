package city.vigil.deep;

/**
 * What a grab saw of the stream over the frozen window after its first keyframe. An encoder whose picture moves sends
 * slices worth several hundredths of a bit per pixel a frame; a frozen one sends next to nothing. So the frames are
 * decoded and compared only when the coded size cannot rule "frozen" out: then {@code later} is a keyframe at least
 * the window on. {@code frames} is 0 when the window was not watched (turned off, or the stream ended).
 *
 * @param frames        video packets read over the window
 * @param spanMicros    from the first keyframe to the last packet read
 * @param bitsPerPixel  the inter frames' slice bits per pixel, on average; NaN when there were none (intra-only)
 * @param later         a decoded frame at least the window on, when the coded size left "frozen" open; else null
 */
public record Motion(int frames, long spanMicros, double bitsPerPixel, FrameSample later) {
    static final Motion NOT_WATCHED = new Motion(0, 0, Double.NaN, null);
}
