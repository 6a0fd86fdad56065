package city.vigil.platform;

import java.util.List;

/**
 * A client error that the problem mapper renders as RFC 9457 problem+json. Services declare
 * {@code @Transactional(dontRollbackOn = ApiException.class)} and validate before they change anything: a rejected
 * request leaves nothing to roll back, and a bulk import goes on with its next row in the same transaction.
 */
public class ApiException extends RuntimeException {
    public final ApiError error;
    public final List<FieldError> errors;

    public ApiException(ApiError error, String detail) {
        this(error, detail, List.of());
    }

    public ApiException(ApiError error, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.error = error;
        this.errors = List.copyOf(errors);
    }

    public static ApiException notFound(String what, String key) {
        return new ApiException(ApiError.NOT_FOUND, what + " '" + key + "' does not exist");
    }

    public static ApiException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).reason()
                : errors.size() + " fields are invalid";
        return new ApiException(ApiError.VALIDATION, detail, errors);
    }

    public static ApiException invalid(String field, String reason) {
        return invalid(List.of(new FieldError(field, reason)));
    }
}
