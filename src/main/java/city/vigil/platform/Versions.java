package city.vigil.platform;

import jakarta.ws.rs.core.EntityTag;

/** Optimistic locking on the wire: the entity version is the ETag; a stale If-Match is a 412. */
public final class Versions {
    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** Throws 412 when the caller sent If-Match with a version other than the current one; no header means no check. */
    public static void checkIfMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        for (String tag : ifMatch.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            t = t.replace("\"", "");
            if (t.equals(Long.toString(currentVersion))) {
                return;
            }
        }
        throw new ApiException(ApiError.VERSION_CONFLICT,
                "If-Match " + ifMatch.trim() + " does not match the current version \"" + currentVersion + "\"");
    }
}
