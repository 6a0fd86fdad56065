package city.vigil.probe;

/** Why a liveness probe failed, in the terms operators use. */
public enum ProbeCause {
    /** Nothing listens (connection refused or reset at once). */
    REFUSED,
    /** No connection, no first byte, or no complete answer within its deadline. */
    TIMEOUT,
    /** The host name does not resolve. */
    DNS,
    /** The TLS handshake failed (RTSPS, HTTPS). */
    TLS,
    /** 401/403 with the stored credentials, or none stored. */
    AUTH_FAILED,
    /** 404: the device answers but has no such stream. */
    NOT_FOUND,
    /** An answer that is not what the protocol promises (bad status, wrong magic bytes, broken playlist). */
    BAD_RESPONSE,
    /** The stream description carries no video. */
    NO_VIDEO_TRACK,
    /** The stream is described and played, but no media arrives (the encoder behind the server is dead). */
    NO_MEDIA,
    /** HLS: the playlist stopped advancing. */
    STALE,
    /** Not probed: the probe policy refuses the target (scheme, port, address range). Not a camera fault. */
    NOT_ALLOWED
}
