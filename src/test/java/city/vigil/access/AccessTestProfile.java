package city.vigil.access;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Access control on, as in production: no anonymous access, the first admin created at start. */
public class AccessTestProfile implements QuarkusTestProfile {
    static final String PASSWORD_FILE = "target/access-test/initial-admin-password";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("vigil.access.enabled", "true", "vigil.access.initial-password-file", PASSWORD_FILE,
                // Wide enough that the role matrix's and the scope sweep's hundreds of calls are never limited.
                "vigil.access.rate-per-second", "1000", "vigil.access.rate-burst", "5000");
    }
}
