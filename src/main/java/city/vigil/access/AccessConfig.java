package city.vigil.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Access control: who may call without credentials, sessions, lockout, keys and request limits. */
@ConfigMapping(prefix = "vigil.access")
public interface AccessConfig {

    /** Off: every caller is an admin of everything (a closed lab only; Vigil says so in the log at start). */
    @WithDefault("true")
    boolean enabled();

    /** What a caller without credentials may do: {@code none} (production's default) or {@code viewer}, never more. */
    @WithDefault("none")
    String anonymous();

    /** How long a login lasts. */
    @WithDefault("12h")
    Duration sessionTtl();

    /** PBKDF2 work factor for new password hashes (OWASP 2023: 600,000 for HMAC-SHA256). */
    @WithDefault("600000")
    int passwordIterations();

    /** Failed logins in a row before the account waits. */
    @WithDefault("5")
    int lockoutThreshold();

    /** The first wait after the threshold; each further failure doubles it, up to {@link #lockoutMax()}. */
    @WithDefault("30s")
    Duration lockoutBase();

    @WithDefault("15m")
    Duration lockoutMax();

    /** How long a rotated API key keeps working beside its replacement. */
    @WithDefault("24h")
    Duration keyRotationGrace();

    /** Where the first admin's one-time password is written (beside the embedded database by default). */
    @WithDefault("data/initial-admin-password")
    String initialPasswordFile();

    /** Requests per second each key or user may make on average; bursts up to {@link #rateBurst()}. */
    @WithDefault("50")
    double ratePerSecond();

    @WithDefault("200")
    int rateBurst();

    /** Bearer tokens from an OpenID Connect provider (the OIDC tenant {@code idp}), beside Vigil's own keys and logins. */
    Oidc oidc();

    /** How a token's groups and claims become a Vigil role and area scope. */
    interface Oidc {
        @WithDefault("false")
        boolean enabled();

        /** Group (the token's role claim, {@code groups} by default) → Vigil role; the highest mapped role applies. */
        Map<String, String> roleMap();

        /** The claim listing the area codes the person may see; {@code *} means everything. A token without it is refused. */
        @WithDefault("vigil_areas")
        String areasClaim();
    }

    /** Ancestors allowed to frame the wall ({@code /wall}) in CSP frame-ancestors syntax; other pages are never framed. */
    @WithDefault("'none'")
    String wallFrameAncestors();
}
