package dev.warden.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.auth.Authenticator;
import dev.warden.budget.BudgetLedger;
import dev.warden.budget.SpendRecorder;
import dev.warden.spend.Budgets;
import dev.warden.auth.KeyRing;
import dev.warden.pipeline.Principal;
import dev.warden.secret.KeyMinter;
import dev.warden.secret.ServerSecret;
import dev.warden.store.Database;
import dev.warden.registry.DeploymentDocuments;
import dev.warden.store.JdbcDeploymentStore;
import dev.warden.store.JdbcDirectoryStore;
import dev.warden.store.JdbcIdentityStore;
import dev.warden.store.JdbcKeyStore;
import dev.warden.store.JdbcPriceOverrideStore;
import dev.warden.pricing.EffectivePrice;
import dev.warden.pricing.PriceOverrides;
import dev.warden.store.JdbcSpendStore;
import dev.warden.store.JdbcUsageStore;
import dev.warden.store.JsonColumns;
import dev.warden.testkit.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real admin API on a fresh real database (SQLite or PostgreSQL), with the key ring and authenticator the
 * gateway uses, so callers are authenticated from real keys. Time is controlled by the test.
 */
final class AdminFixture implements AutoCloseable {
    static final String MASTER_KEY = "sk-warden-admin-test-master-0001";
    static final ServerSecret SECRET = ServerSecret.ofBase64("dGVzdC1zZXJ2ZXItc2VjcmV0LTMyLWJ5dGVzLWxvbmch");
    static final ObjectMapper JSON = new ObjectMapper();
    /** A deployment the configuration file defines: readable, never changeable through the API. */
    static final String CONFIGURED_DEPLOYMENT = "from-config";

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-24T10:00:00.123456789Z"));
    final AtomicInteger writes = new AtomicInteger();
    private final TestDatabase db;
    private final Database database;
    private final KeyRing ring;
    private final Authenticator authenticator;
    private final AdminApi api;
    private final JdbcPriceOverrideStore prices;
    private final JdbcSpendStore spendStore;
    private final SpendRecorder recorder;
    private final Budgets budgets;
    /** The live budget ledger the API reads and resets; tests spend on it as the gateway would. */
    final BudgetLedger ledger = BudgetLedger.inMemory();

    private AdminFixture(TestDatabase db, boolean refreshOnWrite) {
        this.db = db;
        this.database = Database.open(db.url(), db.user(), null, 4);
        InstantSource clock = () -> now.get();
        var json = new JsonColumns();
        this.prices = new JdbcPriceOverrideStore(database);
        this.spendStore = new JdbcSpendStore(database);
        // Spend reaches the store only as the tests add it; the recorder is never flushed on its own.
        this.recorder = SpendRecorder.start(spendStore, Duration.ofHours(1), 1000);
        this.budgets = new Budgets(ledger, recorder, Optional.empty(), clock, ZoneOffset.UTC, Duration.ofMinutes(10),
                List.of(50, 80, 100), 4096);
        this.ring = KeyRing.start(new JdbcIdentityStore(database, json), Duration.ofHours(1));
        this.authenticator = Authenticator.create(MASTER_KEY, ring, SECRET.keyHasher(), java.util.Optional.empty(), clock);
        this.api = AdminApi.create(new AdminApi.Stores(new JdbcDirectoryStore(database, json, clock),
                new JdbcKeyStore(database, json), DeploymentAdmin.of(new JdbcDeploymentStore(database),
                        new DeploymentDocuments(SECRET.secretBox(new SecureRandom())),
                        Map.of(CONFIGURED_DEPLOYMENT, "echo"), Set.of("configured-alias")),
                new JdbcUsageStore(database), new PriceAdmin(prices, this::fromOverridesOnly), spendStore, budgets),
                SECRET.keyHasher(), new KeyMinter(new SecureRandom()), clock, new Random(7), () -> {
                    writes.incrementAndGet();
                    if (refreshOnWrite) {
                        ring.refreshNow();
                    }
                });
    }

    static AdminFixture open(TestDatabase.Kind kind) {
        return new AdminFixture(TestDatabase.create(kind), true);
    }

    /** Without refreshing the key ring on every write: for tests that write a lot and refresh when they choose. */
    static AdminFixture openQuiet(TestDatabase.Kind kind) {
        return new AdminFixture(TestDatabase.create(kind), false);
    }

    /**
     * The effective-price answer without the gateway's catalog and deployment configuration (those are tested
     * through a running gateway): the stored override for the pair, else the shared one, else unpriced.
     */
    private EffectivePrice fromOverridesOnly(String deployment, String model) {
        var overrides = PriceOverrides.of(prices.list());
        return overrides.onDeployment(deployment, model).or(() -> overrides.onEveryDeployment(model))
                .map(EffectivePrice::of).orElse(EffectivePrice.unpriced(false));
    }

    AdminApi api() {
        return api;
    }

    Database database() {
        return database;
    }

    TestDatabase testDatabase() {
        return db;
    }

    JdbcSpendStore spendStore() {
        return spendStore;
    }

    Budgets budgets() {
        return budgets;
    }

    void refresh() {
        ring.refreshNow();
    }

    /** The principal a presented key authenticates as, exactly as the server binding gets it. */
    Principal principal(String credential) {
        return authenticator.authenticate(Optional.of(credential));
    }

    AdminResponse call(Principal caller, String method, String path, String body) {
        return api.handle(caller, new AdminRequest(method, "/admin/v1" + path.split("\\?")[0], query(path), bytes(body),
                body.isEmpty() ? null : "application/json"));
    }

    AdminResponse call(Principal caller, String method, String path) {
        return call(caller, method, path, "");
    }

    AdminResponse master(String method, String path, String body) {
        return call(Principal.MASTER, method, path, body);
    }

    /** A call as the master key that must succeed; its JSON. */
    JsonNode ok(String method, String path, String body) {
        var response = master(method, path, body);
        if (response.status() >= 300) {
            throw new AssertionError(method + " " + path + " " + body + " → " + response.status() + " "
                    + response.text());
        }
        return json(response);
    }

    static JsonNode json(AdminResponse response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Splits {@code /keys?user=u&limit=5} into the path the router sees and its query. */
    static Map<String, String> query(String path) {
        int mark = path.indexOf('?');
        if (mark < 0) {
            return Map.of();
        }
        var query = new java.util.HashMap<String, String>();
        for (var pair : path.substring(mark + 1).split("&")) {
            int eq = pair.indexOf('=');
            query.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return query;
    }

    @Override
    public void close() {
        ring.close();
        recorder.close();
        database.close();
        db.close();
    }
}
