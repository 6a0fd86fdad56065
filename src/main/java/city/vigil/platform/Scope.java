package city.vigil.platform;

import java.util.List;

/**
 * The areas a caller may see and change, as area paths (subtree prefixes). Every service method takes one, and
 * every query applies it, so area-scoped API keys can be added without rewriting queries.
 */
public record Scope(List<String> areaPaths) {

    private static final Scope ALL = new Scope(List.of());

    public static Scope all() {
        return ALL;
    }

    public boolean isAll() {
        return areaPaths.isEmpty();
    }

    /** Whether a resource at this area path is visible to the caller. */
    public boolean allows(String areaPath) {
        return isAll() || areaPaths.stream().anyMatch(areaPath::startsWith);
    }

    /** A SQL predicate on the given path column, with its parameters appended to {@code params}. */
    public String sql(String pathColumn, List<Object> params) {
        if (isAll()) {
            return "true";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < areaPaths.size(); i++) {
            sb.append(i == 0 ? "" : " OR ").append(pathColumn).append(" LIKE ?");
            params.add(areaPaths.get(i) + "%");
        }
        return sb.append(')').toString();
    }
}
