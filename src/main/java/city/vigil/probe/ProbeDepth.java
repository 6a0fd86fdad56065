package city.vigil.probe;

/** How far an RTSP liveness probe goes (DESIGN §1). */
public enum ProbeDepth {
    /** OPTIONS + DESCRIBE: the server answers and offers video. */
    DESCRIBE,
    /** SETUP/PLAY and wait for the first RTP packet: video actually flows (no decode). */
    FIRST_PACKET
}
