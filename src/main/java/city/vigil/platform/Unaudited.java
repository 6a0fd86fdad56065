package city.vigil.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A write that is telemetry, not a change anyone made (a checkpoint's heartbeat every minute): no audit row. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Unaudited {
    /** Why it is not audited, for the reader of the code. */
    String value();
}
