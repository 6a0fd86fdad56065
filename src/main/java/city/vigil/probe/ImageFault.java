package city.vigil.probe;

/** What can be wrong with a decoded picture (issue 5's list), in the order operators read them. */
public enum ImageFault {
    /** No decodable frame at all. */
    SIGNAL_LOSS,
    BLACK,
    TOO_DARK,
    OVEREXPOSED,
    LOW_CONTRAST,
    BLURRED,
    FROZEN,
    COLOUR_CAST,
    NOISE,
    OCCLUDED,
    /** Horizontal bands across the whole picture (rolling interference: mains hum, a bad cable). */
    STRIPES,
    SCENE_CHANGED
}
