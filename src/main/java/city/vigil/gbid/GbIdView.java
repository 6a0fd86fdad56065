package city.vigil.gbid;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A decoded GB/T 28181 ID with the names of its parts. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GbIdView(String id, Centre centre, Coded industry, Type type, Coded network, String serial) {

    /** Centre code and the administrative division it names; {@code divisionName} when the registry knows it. */
    public record Centre(String code, String divisionCode, String divisionName) {
    }

    public record Coded(String code, String name) {
    }

    /** Type code with its name, group, and the registry resource kind it may be registered as (if any). */
    public record Type(int code, String name, String group, DeviceKind registersAs) {
    }
}
