package dev.warden.store;

import dev.warden.pricing.CostTier;
import dev.warden.pricing.PriceOverride;
import dev.warden.registry.PriceOverrideStore;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Price overrides in the {@code price_overrides} table. "Every deployment" is stored as {@code ''} so the
 * (deployment, model) pair can be unique on both databases; rates are decimal strings so they come back exactly.
 */
public final class JdbcPriceOverrideStore implements PriceOverrideStore {
    private static final String COLUMNS = "id, deployment, model, input, output, cached_input, cache_write, reasoning,"
            + " cost_tier, note, created_at, updated_at, updated_by";

    private final Database database;

    public JdbcPriceOverrideStore(Database database) {
        this.database = database;
    }

    @Override
    public long revision() {
        return database.revision();
    }

    @Override
    public List<PriceOverride> list() {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM price_overrides ORDER BY model, deployment, id");
                    var rows = statement.executeQuery()) {
                var all = new ArrayList<PriceOverride>();
                while (rows.next()) {
                    all.add(override(rows));
                }
                return all;
            }
        });
    }

    @Override
    public Optional<PriceOverride> find(String id) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM price_overrides WHERE id = ?")) {
                statement.setString(1, id);
                try (var rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(override(rows)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public PriceOverride insert(PriceOverride override) {
        return database.inTransaction(connection -> {
            long revision = Database.nextRevision(connection);
            try (var statement = connection.prepareStatement("INSERT INTO price_overrides (" + COLUMNS
                    + ", revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                statement.setString(1, override.id());
                statement.setString(2, override.scope().orElse(""));
                statement.setString(3, override.model());
                int next = setRates(statement, 4, override);
                statement.setLong(next, override.created().toEpochMilli());
                statement.setLong(next + 1, override.updated().toEpochMilli());
                statement.setString(next + 2, override.updatedBy());
                statement.setLong(next + 3, revision);
                statement.executeUpdate();
            }
            return override;
        });
    }

    @Override
    public boolean update(PriceOverride override) {
        return database.inTransaction(connection -> {
            long revision = Database.nextRevision(connection);
            try (var statement = connection.prepareStatement("UPDATE price_overrides SET input = ?, output = ?,"
                    + " cached_input = ?, cache_write = ?, reasoning = ?, cost_tier = ?, note = ?, updated_at = ?,"
                    + " updated_by = ?, revision = ? WHERE id = ?")) {
                int next = setRates(statement, 1, override);
                statement.setLong(next, override.updated().toEpochMilli());
                statement.setString(next + 1, override.updatedBy());
                statement.setLong(next + 2, revision);
                statement.setString(next + 3, override.id());
                return statement.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean delete(String id) {
        return database.inTransaction(connection -> {
            Database.nextRevision(connection);
            try (var statement = connection.prepareStatement("DELETE FROM price_overrides WHERE id = ?")) {
                statement.setString(1, id);
                return statement.executeUpdate() == 1;
            }
        });
    }

    /** Sets input through note from {@code first} on; returns the next parameter index. */
    private static int setRates(PreparedStatement statement, int first, PriceOverride override) throws SQLException {
        statement.setString(first, override.input().toPlainString());
        statement.setString(first + 1, override.output().toPlainString());
        statement.setString(first + 2, text(override.cachedInput()));
        statement.setString(first + 3, text(override.cacheWrite()));
        statement.setString(first + 4, text(override.reasoning()));
        statement.setString(first + 5, override.costTier() == null ? null
                : override.costTier().name().toLowerCase(Locale.ROOT));
        statement.setString(first + 6, override.note());
        return first + 7;
    }

    private static @Nullable String text(@Nullable BigDecimal rate) {
        return rate == null ? null : rate.toPlainString();
    }

    private static @Nullable BigDecimal rate(ResultSet rows, String column) throws SQLException {
        var text = rows.getString(column);
        return text == null ? null : new BigDecimal(text);
    }

    private static PriceOverride override(ResultSet rows) throws SQLException {
        var deployment = rows.getString("deployment");
        var tier = rows.getString("cost_tier");
        return new PriceOverride(rows.getString("id"), rows.getString("model"),
                deployment.isEmpty() ? null : deployment, new BigDecimal(rows.getString("input")),
                new BigDecimal(rows.getString("output")), rate(rows, "cached_input"), rate(rows, "cache_write"),
                rate(rows, "reasoning"), tier == null ? null : CostTier.valueOf(tier.toUpperCase(Locale.ROOT)),
                rows.getString("note"), Instant.ofEpochMilli(rows.getLong("created_at")),
                Instant.ofEpochMilli(rows.getLong("updated_at")), rows.getString("updated_by"));
    }
}
