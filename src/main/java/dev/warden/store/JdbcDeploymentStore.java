package dev.warden.store;

import dev.warden.registry.DeploymentStore;
import dev.warden.registry.StoredDeployment;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Deployments added through the admin API, in the {@code deployments} table. */
public final class JdbcDeploymentStore implements DeploymentStore {
    private static final String COLUMNS = "name, document, created_at, updated_at, revision";

    private final Database database;

    public JdbcDeploymentStore(Database database) {
        this.database = database;
    }

    @Override
    public long revision() {
        return database.revision();
    }

    @Override
    public List<StoredDeployment> list() {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM deployments ORDER BY name");
                    var rows = statement.executeQuery()) {
                var all = new ArrayList<StoredDeployment>();
                while (rows.next()) {
                    all.add(deployment(rows));
                }
                return all;
            }
        });
    }

    @Override
    public Optional<StoredDeployment> find(String name) {
        return database.read(connection -> {
            try (var statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM deployments WHERE name = ?")) {
                statement.setString(1, name);
                try (var rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(deployment(rows)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public StoredDeployment insert(StoredDeployment deployment) {
        return database.inTransaction(connection -> {
            long revision = Database.nextRevision(connection);
            try (var statement = connection.prepareStatement("INSERT INTO deployments (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?)")) {
                statement.setString(1, deployment.name());
                statement.setString(2, deployment.document());
                statement.setLong(3, deployment.created().toEpochMilli());
                statement.setLong(4, deployment.updated().toEpochMilli());
                statement.setLong(5, revision);
                statement.executeUpdate();
            }
            return new StoredDeployment(deployment.name(), deployment.document(), deployment.created(),
                    deployment.updated(), revision);
        });
    }

    @Override
    public boolean update(StoredDeployment deployment) {
        return database.inTransaction(connection -> {
            long revision = Database.nextRevision(connection);
            try (var statement = connection.prepareStatement(
                    "UPDATE deployments SET document = ?, updated_at = ?, revision = ? WHERE name = ?")) {
                statement.setString(1, deployment.document());
                statement.setLong(2, deployment.updated().toEpochMilli());
                statement.setLong(3, revision);
                statement.setString(4, deployment.name());
                return statement.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean delete(String name) {
        return database.inTransaction(connection -> {
            Database.nextRevision(connection);
            try (var statement = connection.prepareStatement("DELETE FROM deployments WHERE name = ?")) {
                statement.setString(1, name);
                return statement.executeUpdate() == 1;
            }
        });
    }

    private static StoredDeployment deployment(ResultSet rows) throws SQLException {
        return new StoredDeployment(rows.getString("name"), rows.getString("document"),
                Instant.ofEpochMilli(rows.getLong("created_at")), Instant.ofEpochMilli(rows.getLong("updated_at")),
                rows.getLong("revision"));
    }
}
