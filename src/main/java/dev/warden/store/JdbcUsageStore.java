package dev.warden.store;

import dev.warden.observe.UsageRow;
import dev.warden.observe.UsageStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Usage counters in {@code usage_daily}; increments are added with one upsert per row. */
public final class JdbcUsageStore implements UsageStore {
    private final Database database;

    public JdbcUsageStore(Database database) {
        this.database = database;
    }

    @Override
    public void add(List<UsageRow> increments) {
        if (increments.isEmpty()) {
            return;
        }
        database.inTransaction(connection -> {
            try (var statement = connection.prepareStatement("INSERT INTO usage_daily (day, principal, model,"
                    + " requests, errors, prompt_tokens, completion_tokens, last_request_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (day, principal, model) DO UPDATE SET"
                    + " requests = usage_daily.requests + excluded.requests,"
                    + " errors = usage_daily.errors + excluded.errors,"
                    + " prompt_tokens = usage_daily.prompt_tokens + excluded.prompt_tokens,"
                    + " completion_tokens = usage_daily.completion_tokens + excluded.completion_tokens,"
                    + " last_request_at = CASE WHEN excluded.last_request_at > usage_daily.last_request_at"
                    + " THEN excluded.last_request_at ELSE usage_daily.last_request_at END")) {
                for (var row : increments) {
                    statement.setString(1, row.day().toString());
                    statement.setString(2, row.principal());
                    statement.setString(3, row.model());
                    statement.setLong(4, row.requests());
                    statement.setLong(5, row.errors());
                    statement.setLong(6, row.promptTokens());
                    statement.setLong(7, row.completionTokens());
                    statement.setLong(8, row.lastRequest().toEpochMilli());
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<UsageRow> forPrincipal(String principal, LocalDate from, LocalDate to) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement("SELECT day, principal, model, requests, errors,"
                    + " prompt_tokens, completion_tokens, last_request_at FROM usage_daily"
                    + " WHERE principal = ? AND day >= ? AND day <= ? ORDER BY day DESC, model")) {
                statement.setString(1, principal);
                statement.setString(2, from.toString());
                statement.setString(3, to.toString());
                try (var rows = statement.executeQuery()) {
                    var result = new ArrayList<UsageRow>();
                    while (rows.next()) {
                        result.add(new UsageRow(LocalDate.parse(rows.getString("day")), rows.getString("principal"),
                                rows.getString("model"), rows.getLong("requests"), rows.getLong("errors"),
                                rows.getLong("prompt_tokens"), rows.getLong("completion_tokens"),
                                Instant.ofEpochMilli(rows.getLong("last_request_at"))));
                    }
                    return result;
                }
            }
        });
    }
}
