package city.vigil.access;

import city.vigil.platform.ApiException;
import city.vigil.platform.Scope;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the area codes a user or key is limited to into the path prefixes every query filters on, and decides which
 * users and keys a scoped admin may see and grant.
 */
@ApplicationScoped
class AreaScopes {
    /** A scope of areas that no longer exist: matches nothing, never everything. */
    private static final String NO_AREA = "\u0000no-area/";

    private final AgroalDataSource dataSource;

    AreaScopes(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The scope of these codes. An area deleted since the grant leaves a prefix nothing matches, so a scoped caller
     * never widens to everything when its area disappears.
     */
    Scope of(List<String> codes) {
        if (codes.isEmpty()) {
            return Scope.all();
        }
        List<String> paths = paths(codes);
        return new Scope(paths.isEmpty() ? List.of(NO_AREA) : paths);
    }

    /** Whether a record limited to these codes lies inside the scope (an unlimited record only inside everything). */
    boolean within(Scope scope, List<String> codes) {
        return scope.isAll() || !codes.isEmpty() && of(codes).areaPaths().stream().allMatch(scope::allows);
    }

    /**
     * The SQL twin of {@link #within} on an {@code area_codes} column: true for an unscoped caller, else the codes
     * must all name areas under the caller's paths (bind with {@link #bindCodesWithin}).
     */
    static String codesWithinSql(List<String> scopePaths) {
        return scopePaths.isEmpty() ? "true"
                : "area_codes <> '{}' AND NOT EXISTS (SELECT 1 FROM unnest(area_codes) AS g(code) LEFT JOIN area a ON a.code = g.code "
                + "WHERE a.path IS NULL OR NOT a.path LIKE ANY (?))";
    }

    /** Binds what {@link #codesWithinSql} asks for, when it asks for anything. */
    static void bindCodesWithin(Connection c, PreparedStatement s, int paramIndex, List<String> scopePaths) throws SQLException {
        if (!scopePaths.isEmpty()) {
            s.setArray(paramIndex, c.createArrayOf("text", scopePaths.stream().map(p -> p + "%").toArray()));
        }
    }

    /**
     * The codes a grant may name: existing areas inside the granting caller's own scope (a scoped admin cannot hand
     * out more than it has), or a 400 naming the field.
     */
    List<String> checkGrant(Scope granter, List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            if (!granter.isAll()) {
                throw ApiException.invalid("areas", "an area-scoped caller must limit what it grants to its own areas");
            }
            return List.of();
        }
        List<String> distinct = codes.stream().distinct().toList();
        List<String> paths = paths(distinct);
        if (paths.size() != distinct.size() || !paths.stream().allMatch(granter::allows)) {
            throw ApiException.invalid("areas", "names an area that does not exist");
        }
        return distinct;
    }

    /** The paths of those codes that name existing areas. */
    private List<String> paths(List<String> codes) {
        List<String> paths = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT path FROM area WHERE code = ANY (?)")) {
            s.setArray(1, c.createArrayOf("text", codes.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    paths.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the caller's areas", e);
        }
        return List.copyOf(paths);
    }
}
