package city.vigil.platform;

import jakarta.persistence.Query;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A WHERE clause built from optional filters, with its JDBC-style {@code ?} parameters in order. */
public final class SqlWhere {
    private final List<String> clauses = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    public SqlWhere and(String clause, Object... values) {
        clauses.add(clause);
        params.addAll(List.of(values));
        return this;
    }

    public SqlWhere scope(Scope scope, String pathColumn) {
        List<Object> scopeParams = new ArrayList<>();
        String clause = scope.sql(pathColumn, scopeParams);
        if (!scope.isAll()) {
            and(clause, scopeParams.toArray());
        }
        return this;
    }

    /** Case-insensitive "contains" on an expression; % and _ in the text match themselves, not anything. */
    public SqlWhere containsText(String expression, String text) {
        String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return and(expression + " ILIKE ?", "%" + escaped + "%");
    }

    public String sql() {
        return clauses.isEmpty() ? "true" : String.join(" AND ", clauses);
    }

    public List<Object> params() {
        return params;
    }

    public <Q extends Query> Q bind(Q query) {
        return bind(query, 1);
    }

    /** Binds from parameter {@code first} on, after the statement's own (a value in its SELECT list). */
    public <Q extends Query> Q bind(Q query, int first) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(first + i, params.get(i));
        }
        return query;
    }

    public void bind(PreparedStatement statement) throws SQLException {
        bind(statement, 1);
    }

    /** Binds from parameter {@code first} on, after the statement's own (an UPDATE's SET values). */
    public void bind(PreparedStatement statement, int first) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            statement.setObject(first + i, params.get(i));
        }
    }
}
