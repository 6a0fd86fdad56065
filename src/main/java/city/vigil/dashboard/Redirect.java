package city.vigil.dashboard;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * Where a page's form sends the browser back to: a path and its query, every value percent-encoded as it is.
 * {@code UriBuilder} reads braces in a value (a typed area, a reason quoting it) as a template and fails on them.
 */
final class Redirect {
    private final String path;
    private final StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");

    private Redirect(String path) {
        this.path = path;
    }

    /** {@code segments} are appended to {@code base}, each encoded as one path segment. */
    static Redirect to(String base, String... segments) {
        StringBuilder path = new StringBuilder(base);
        for (String segment : segments) {
            path.append('/').append(encode(segment));
        }
        return new Redirect(path.toString());
    }

    Redirect with(String name, Object value) {
        query.add(encode(name) + "=" + encode(String.valueOf(value)));
        return this;
    }

    /** Post, redirect, get: a 303, so the browser fetches the page and a reload does not send the form again. */
    Response seeOther() {
        return Response.seeOther(URI.create(path + query)).build();
    }

    /** A space as {@code %20}, which a path and a query both read as a space ({@code +} is one only in a query). */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
