package city.vigil.platform;

/** One rejected field of a request: where it is (a JSON-pointer-like path) and why. */
public record FieldError(String field, String reason) {
}
