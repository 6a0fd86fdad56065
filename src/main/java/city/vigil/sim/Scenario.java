package city.vigil.sim;

import java.util.Locale;

/** How a simulated camera behaves; switchable at runtime. Image faults name the picture the stream carries. */
public enum Scenario {
    HEALTHY(Picture.NORMAL),
    /** Nothing listens: its URL points at a closed port; switched to at runtime, connections are reset. */
    REFUSED(null),
    /** Accepts the connection and never answers. */
    HANG(null),
    /** Answers every request after a delay. */
    SLOW(Picture.NORMAL),
    /** 404 for the stream path. */
    NOT_FOUND(null),
    /** 401 unless the right Basic or Digest credentials are sent. */
    AUTH_REQUIRED(Picture.NORMAL),
    /** DESCRIBE and PLAY succeed but no RTP ever flows (the encoder is dead). */
    NO_VIDEO(Picture.NORMAL),
    /** The stream plays, but every slice is garbled (a broken encoder or transcoder): nothing decodes into a picture. */
    CORRUPT(Picture.NORMAL),
    /** Streams, then stops after a number of seconds. */
    DROP_AFTER(Picture.NORMAL),
    /** Up and down (connections reset) in alternating periods. */
    FLAPPING(Picture.NORMAL),
    /** HLS playlist stops advancing (the RTSP stream stays healthy). */
    STALE_HLS(Picture.NORMAL),
    BLACK(Picture.BLACK),
    TOO_DARK(Picture.DARK),
    OVEREXPOSED(Picture.OVEREXPOSED),
    FROZEN(Picture.FROZEN),
    BLURRED(Picture.BLURRED),
    COLOUR_CAST(Picture.COLOUR_CAST),
    NOISE(Picture.NOISE),
    OCCLUDED(Picture.OCCLUDED),
    STRIPES(Picture.STRIPES),
    SCENE_CHANGED(Picture.SCENE_CHANGED);

    /** The picture this scenario streams; null when it never streams. */
    public final Picture picture;

    Scenario(Picture picture) {
        this.picture = picture;
    }

    /** {@code black}, {@code too-dark}, {@code TOO_DARK} … */
    public static Scenario parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
