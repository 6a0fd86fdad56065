package city.vigil.platform;

/** Every client-visible error kind with its HTTP status and title: the one status table of the API. */
public enum ApiError {
    VALIDATION(400, "Invalid request"),
    MALFORMED_BODY(400, "Malformed request body"),
    UNAUTHENTICATED(401, "Authentication required"),
    FORBIDDEN(403, "Not allowed for this role"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    DUPLICATE(409, "Already exists"),
    IN_USE(409, "Still referenced"),
    ALREADY_ACKNOWLEDGED(409, "Already acknowledged"),
    VERSION_CONFLICT(412, "Version conflict"),
    TOO_LARGE(413, "Content too large"),
    URI_TOO_LONG(414, "URI too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    BUSY(429, "Too many concurrent jobs"),
    RATE_LIMITED(429, "Too many requests"),
    DEVICE_BUSY(503, "Device has no session to spare"),
    DEEP_BUSY(503, "Every deep check slot is in use"),
    NOT_READY(503, "Not ready yet"),
    DATABASE_UNAVAILABLE(503, "Database unavailable");

    public final int status;
    public final String title;

    ApiError(int status, String title) {
        this.status = status;
        this.title = title;
    }

    /** Stable problem type URI, documented in the README. */
    public String type() {
        return "https://vigil.city/problems/" + name().toLowerCase().replace('_', '-');
    }
}
