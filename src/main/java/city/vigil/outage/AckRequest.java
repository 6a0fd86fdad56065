package city.vigil.outage;

/** An operator's acknowledgement of an outage. */
public record AckRequest(String by, String note) {
}
