package city.vigil.platform;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.logging.Log;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where exceptions become RFC 9457 responses; nothing else picks status codes for errors. */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        return problem(e.error, e.getMessage(), e.errors, uri);
    }

    // Listed one by one: Quarkus ships mappers for the specific Jackson types, and the most specific type wins.
    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class, InvalidFormatException.class, UnrecognizedPropertyException.class,
            ValueInstantiationException.class})
    public Response json(JsonProcessingException e, UriInfo uri) {
        return fromJson(e, uri);
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response staleVersion(RuntimeException e, UriInfo uri) {
        return problem(ApiError.VERSION_CONFLICT, "The resource was changed by someone else; read it again and retry", List.of(), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return fromJson(json, uri);
        }
        if (e instanceof NotFoundException) {
            return problem(ApiError.NOT_FOUND, "No resource at this path", List.of(), uri);
        }
        if (e instanceof NotAllowedException) {
            return problem(ApiError.METHOD_NOT_ALLOWED, "This method is not allowed here", List.of(), uri);
        }
        if (e instanceof NotSupportedException) {
            return problem(ApiError.UNSUPPORTED_MEDIA_TYPE, "This endpoint does not accept that Content-Type", List.of(), uri);
        }
        if (e instanceof NotAcceptableException) {
            return problem(ApiError.NOT_ACCEPTABLE, "This endpoint cannot produce the requested media type", List.of(), uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            Log.errorf(e, "Request %s failed", uri.getPath());
        }
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", e.getResponse().getStatusInfo().getReasonPhrase(), status,
                        status >= 500 ? "Internal error" : e.getMessage(), uri.getPath(), List.of()))
                .build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (lostDatabase(e)) {
            Log.warnf("Request %s failed: PostgreSQL does not answer (%s)", uri.getPath(), e.getMessage());
            return DatabaseGate.unavailable(uri.getPath());
        }
        Log.errorf(e, "Request %s failed", uri.getPath());
        return Response.status(500).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", "Internal error", 500, "The server failed; the error is logged", uri.getPath(), List.of()))
                .build();
    }

    /**
     * Whether a failure is PostgreSQL being away: no connection to be had (SQLState class 08, a pool that could not
     * acquire one in time) or a server shutting down (57P01–57P03). The request did nothing; the client may retry.
     */
    static boolean lostDatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
                    return true;
                }
                if (String.valueOf(sql.getMessage()).contains("Acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }

    private Response fromJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            String reason;
            if (e instanceof UnrecognizedPropertyException) {
                reason = "is not a writable field";
            } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                    && invalid.getTargetType().isEnum()) {
                reason = "must be one of " + Arrays.stream(invalid.getTargetType().getEnumConstants())
                        .map(Object::toString).collect(Collectors.joining(", "));
            } else if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
                reason = "must be " + describe(mismatched.getTargetType());
            } else if (NulGuard.REASON.equals(e.getOriginalMessage())) {
                reason = NulGuard.REASON;
            } else {
                reason = "has an invalid value";
            }
            return problem(ApiError.VALIDATION, field + ": " + reason, List.of(new FieldError(field, reason)), uri);
        }
        return problem(ApiError.MALFORMED_BODY, "The body is not valid JSON: " + e.getOriginalMessage(), List.of(), uri);
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class || type == Short.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class || type == java.math.BigDecimal.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == java.time.LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object of the documented shape";
    }

    public static Response problem(ApiError error, String detail, List<FieldError> errors, UriInfo uri) {
        if (error.status >= 500) {
            Log.error(detail);
        } else {
            Log.debugf("%s %s: %s", error.status, uri.getPath(), detail);
        }
        return Response.status(error.status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(error.type(), error.title, error.status, detail, uri.getPath(), errors))
                .build();
    }
}
