package dev.warden.store;

import dev.warden.budget.SpendQuery;
import dev.warden.budget.SpendRecord;
import dev.warden.budget.SpendStore;
import dev.warden.budget.SpendTotal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Spend counters in {@code spend_daily}; increments are added with one upsert per row. */
public final class JdbcSpendStore implements SpendStore {
    private final Database database;

    public JdbcSpendStore(Database database) {
        this.database = database;
    }

    @Override
    public void add(List<SpendRecord> increments) {
        if (increments.isEmpty()) {
            return;
        }
        database.inTransaction(connection -> {
            try (var statement = connection.prepareStatement("INSERT INTO spend_daily (day, key_id, user_id,"
                    + " team_id, org_id, model, cost_micros, prompt_tokens, completion_tokens, requests)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (day, key_id, user_id, team_id, org_id, model) DO UPDATE SET"
                    + " cost_micros = spend_daily.cost_micros + excluded.cost_micros,"
                    + " prompt_tokens = spend_daily.prompt_tokens + excluded.prompt_tokens,"
                    + " completion_tokens = spend_daily.completion_tokens + excluded.completion_tokens,"
                    + " requests = spend_daily.requests + excluded.requests")) {
                for (var row : increments) {
                    statement.setString(1, row.day().toString());
                    statement.setString(2, row.key());
                    statement.setString(3, row.user());
                    statement.setString(4, row.team());
                    statement.setString(5, row.org());
                    statement.setString(6, row.model());
                    statement.setLong(7, row.costMicros());
                    statement.setLong(8, row.promptTokens());
                    statement.setLong(9, row.completionTokens());
                    statement.setLong(10, row.requests());
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<SpendTotal> totals(SpendQuery query) {
        var column = switch (query.by()) {
            case KEY -> "key_id";
            case USER -> "user_id";
            case TEAM -> "team_id";
            case ORG -> "org_id";
            case MODEL -> "model";
            case DAY -> "day";
        };
        var sql = new StringBuilder("SELECT ").append(column).append(" AS grp, SUM(cost_micros) AS cost,"
                + " SUM(prompt_tokens) AS prompt, SUM(completion_tokens) AS completion, SUM(requests) AS requests"
                + " FROM spend_daily WHERE day >= ? AND day <= ?");
        var values = new ArrayList<String>(List.of(query.from().toString(), query.to().toString()));
        filter(sql, values, "key_id", query.key());
        filter(sql, values, "user_id", query.user());
        filter(sql, values, "team_id", query.team());
        filter(sql, values, "org_id", query.org());
        filter(sql, values, "model", query.model());
        var reach = query.reach();
        if (reach != null) {
            var any = new ArrayList<String>();
            within(any, values, "org_id", reach.orgs());
            within(any, values, "team_id", reach.teams());
            within(any, values, "user_id", reach.users());
            // Nothing reached: no row may match.
            sql.append(" AND (").append(any.isEmpty() ? "1 = 0" : String.join(" OR ", any)).append(')');
        }
        sql.append(" GROUP BY ").append(column).append(" ORDER BY cost DESC, grp");
        return database.read(connection -> {
            try (var statement = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < values.size(); i++) {
                    statement.setString(i + 1, values.get(i));
                }
                try (var rows = statement.executeQuery()) {
                    var result = new ArrayList<SpendTotal>();
                    while (rows.next()) {
                        result.add(new SpendTotal(rows.getString("grp"), rows.getLong("cost"),
                                rows.getLong("prompt"), rows.getLong("completion"), rows.getLong("requests")));
                    }
                    return result;
                }
            }
        });
    }

    private static void within(List<String> any, List<String> values, String column, Set<String> ids) {
        if (!ids.isEmpty()) {
            any.add(column + " IN (" + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")");
            values.addAll(ids.stream().sorted().toList());
        }
    }

    private static void filter(StringBuilder sql, List<String> values, String column, @Nullable String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            values.add(value);
        }
    }
}
