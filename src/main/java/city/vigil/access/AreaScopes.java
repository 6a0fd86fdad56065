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

/** Turns the area codes a user or key is limited to into the path prefixes every query filters on. */
@ApplicationScoped
class AreaScopes {
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
        List<String> paths = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT code, path FROM area WHERE code = ANY (?)")) {
            s.setArray(1, c.createArrayOf("text", codes.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    paths.add(rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the caller's areas", e);
        }
        if (paths.isEmpty()) {
            paths.add("\u0000no-area/");
        }
        return new Scope(List.copyOf(paths));
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
        Scope wanted = of(codes);
        if (wanted.areaPaths().size() != codes.stream().distinct().count()) {
            throw ApiException.invalid("areas", "names an area that does not exist");
        }
        for (String path : wanted.areaPaths()) {
            if (!granter.allows(path)) {
                throw ApiException.invalid("areas", "names an area that does not exist");
            }
        }
        return codes.stream().distinct().toList();
    }
}
