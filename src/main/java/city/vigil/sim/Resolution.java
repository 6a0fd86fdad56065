package city.vigil.sim;

/** The two streams of a simulated camera. */
public enum Resolution {
    SUB(640, 360, 500_000), MAIN(1920, 1080, 2_500_000);

    public final int width;
    public final int height;
    public final int bitrate;

    Resolution(int width, int height, int bitrate) {
        this.width = width;
        this.height = height;
        this.bitrate = bitrate;
    }
}
