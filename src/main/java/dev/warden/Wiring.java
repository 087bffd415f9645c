package dev.warden;

import com.fasterxml.jackson.core.JsonFactory;
import dev.warden.admin.AdminApi;
import dev.warden.admin.DeploymentAdmin;
import dev.warden.admin.PriceAdmin;
import dev.warden.api.anthropic.AnthropicCodec;
import dev.warden.api.ollama.OllamaCodec;
import dev.warden.api.openai.OpenAiCodec;
import dev.warden.auth.AuthenticateStage;
import dev.warden.auth.Authenticator;
import dev.warden.auth.AuthorizeStage;
import dev.warden.auth.KeyRing;
import dev.warden.auth.jwt.JwtVerifier;
import dev.warden.secret.ServerSecret;
import dev.warden.registry.DeploymentDocuments;
import dev.warden.registry.DeploymentSync;
import dev.warden.registry.RevisionSync;
import dev.warden.pricing.PriceOverride;
import dev.warden.pricing.PriceOverrides;
import dev.warden.store.JdbcPriceOverrideStore;
import dev.warden.observe.UsageCounter;
import dev.warden.secret.KeyMinter;
import dev.warden.store.Database;
import dev.warden.budget.BudgetLedger;
import dev.warden.budget.HttpWebhookNotifier;
import dev.warden.budget.RedisBudgetLedger;
import dev.warden.redis.Circuit;
import dev.warden.redis.RedisConnections;
import dev.warden.budget.SpendRecorder;
import dev.warden.budget.WebhookNotifier;
import dev.warden.spend.Budgets;
import dev.warden.store.JdbcSpendStore;
import dev.warden.config.RedisConfig;
import dev.warden.limits.FailoverRateLimiter;
import dev.warden.redis.FailurePolicy;
import dev.warden.limits.InMemoryRateLimiter;
import dev.warden.limits.LimitStage;
import dev.warden.limits.LimitsResolver;
import dev.warden.identity.LimitLine;
import dev.warden.identity.Limits;
import dev.warden.config.RateLimitConfig;
import dev.warden.limits.RateLimiter;
import dev.warden.limits.RedisRateLimiter;
import dev.warden.spend.CostStage;
import dev.warden.pricing.PricingCatalog;
import dev.warden.identity.Access;
import dev.warden.pipeline.Principal;
import dev.warden.config.DeploymentConfig;
import dev.warden.tokens.MeterStage;
import dev.warden.tokens.TokenCounter;
import dev.warden.store.JdbcDirectoryStore;
import dev.warden.store.JdbcUsageStore;
import dev.warden.store.JdbcDeploymentStore;
import dev.warden.store.JdbcIdentityStore;
import dev.warden.store.JdbcKeyStore;
import dev.warden.store.JsonColumns;
import dev.warden.config.AccessLogConfig;
import dev.warden.config.WardenConfig;
import dev.warden.observe.AccessLog;
import dev.warden.pipeline.DecodeStage;
import dev.warden.pipeline.InvokeStage;
import dev.warden.pipeline.Pipeline;
import dev.warden.pipeline.RecordSink;
import dev.warden.pipeline.RecordStage;
import dev.warden.provider.Provider;
import dev.warden.provider.UpstreamClient;
import dev.warden.provider.ollama.OllamaProvider;
import dev.warden.llm.ModelInfo;
import dev.warden.routing.ModelDiscovery;
import dev.warden.routing.RouteStage;
import dev.warden.routing.Router;
import dev.warden.server.GatewayServer;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The composition root: every long-lived object is built here, in dependency order, and closed in reverse.
 * Adding a provider is one case in {@link #provider}.
 */
public final class Wiring implements AutoCloseable {
    private final List<AutoCloseable> closeables;
    private final GatewayServer server;
    private final WardenConfig config;
    private final String masterKey;
    private final boolean generatedKey;

    private Wiring(List<AutoCloseable> closeables, GatewayServer server,
            WardenConfig config, String masterKey, boolean generatedKey) {
        this.closeables = closeables;
        this.server = server;
        this.config = config;
        this.masterKey = masterKey;
        this.generatedKey = generatedKey;
    }

    /**
     * Builds and starts the gateway.
     *
     * @param stdout where the access log goes when it is configured to standard output
     */
    public static Wiring start(WardenConfig config, OutputStream stdout) {
        var closeables = new ArrayList<AutoCloseable>();
        try {
            return assemble(config, stdout, closeables);
        } catch (RuntimeException failed) {
            // Close what was opened (pools, pollers, log writers) so a failed start leaves nothing running.
            closeAll(closeables);
            throw failed;
        }
    }

    private static Wiring assemble(WardenConfig config, OutputStream stdout, List<AutoCloseable> closeables) {
        var clock = InstantSource.system();
        // The access log writes on one thread, so Jackson's default per-thread buffers are reused there.
        var json = new JsonFactory();
        var generated = config.auth().masterKey() == null;
        var masterKey = generated ? generateMasterKey() : config.auth().masterKey().value();

        var upstream = UpstreamClient.create();
        closeables.add(upstream::close);
        var factory = new Providers(upstream, clock, Wiring::randomId);
        var providers = new ArrayList<Provider>();
        var discoverable = new LinkedHashMap<String, Supplier<List<ModelInfo>>>();
        for (var deployment : config.deployments()) {
            var provider = factory.provider(deployment);
            providers.add(provider);
            if (provider instanceof OllamaProvider ollama) {
                discoverable.put(deployment.name(), ollama::discoverModels);
            }
        }
        var discovery = ModelDiscovery.start(discoverable, Duration.ofSeconds(60));
        closeables.add(discovery);
        var database = Database.open(config.database().url(), config.database().user(),
                config.database().password() == null ? null : config.database().password().value(),
                config.database().poolSize());
        closeables.add(database);
        var random = new SecureRandom();
        var secret = config.secrets().key() != null ? ServerSecret.ofBase64(config.secrets().key().value())
                : ServerSecret.fromFile(config.secrets().keyFile(), random);
        var columns = new JsonColumns();
        var identity = new JdbcIdentityStore(database, columns);
        var keyRing = KeyRing.start(identity, config.database().refreshInterval());
        closeables.add(keyRing);
        var jwt = Optional.ofNullable(config.auth().jwt()).map(jwtConfig -> JwtVerifier.create(jwtConfig, clock));
        jwt.ifPresent(closeables::add);
        var authenticator = Authenticator.create(masterKey, keyRing, secret.keyHasher(), jwt, clock);

        var documents = new DeploymentDocuments(secret.secretBox(random));
        var routing = new LiveRouting(providers, config.models().stream().map(LiveRouting::route).toList(),
                config.routing().allowDirect(), clock.instant().getEpochSecond(), factory, documents);
        var deploymentStore = new JdbcDeploymentStore(database);
        var deploymentSync = DeploymentSync.start(deploymentStore, config.database().refreshInterval(), routing);
        closeables.add(deploymentSync);
        // Price overrides live in memory, swapped whole on change: pricing a call never reads the database.
        var priceStore = new JdbcPriceOverrideStore(database);
        var overrides = new AtomicReference<>(PriceOverrides.none());
        var priceSync = RevisionSync.start("price overrides", priceStore::revision, priceStore::list,
                stored -> overrides.set(PriceOverrides.of(stored)), config.database().refreshInterval(),
                List.<PriceOverride>of());
        closeables.add(priceSync);
        var byName = new LinkedHashMap<String, DeploymentConfig>();
        config.deployments().forEach(deployment -> byName.put(deployment.name(), deployment));
        var prices = new Prices(PricingCatalog.builtIn(), byName, routing::stored, overrides::get);

        // The admin API writes through the stores and refreshes the ring, so a change applies here at once.
        var usageStore = new JdbcUsageStore(database);
        var configured = new LinkedHashMap<String, String>();
        config.deployments().forEach(d -> configured.put(d.name(), d.provider().yamlName()));
        var deploymentAdmin = DeploymentAdmin.of(deploymentStore, documents, configured,
                config.models().stream().map(model -> model.name()).collect(java.util.stream.Collectors.toSet()));
        Runnable afterWrite = () -> {
            keyRing.refreshNow();
            deploymentSync.refreshNow();
            priceSync.refreshNow();
        };
        var budgets = budgets(config, database, clock, closeables);
        var admin = new GatewayServer.Admin(AdminApi.create(new AdminApi.Stores(
                new JdbcDirectoryStore(database, columns, clock), new JdbcKeyStore(database, columns),
                deploymentAdmin, usageStore, new PriceAdmin(priceStore, prices::effective), new JdbcSpendStore(database),
                budgets), secret.keyHasher(), new KeyMinter(random), clock, random, afterWrite), authenticator);

        var sinks = new ArrayList<RecordSink>();
        var usage = UsageCounter.start(usageStore, Duration.ofSeconds(5), 100_000);
        sinks.add(usage);
        closeables.add(usage);
        accessLog(config.accessLog(), stdout, json).ifPresent(log -> {
            sinks.add(log);
            closeables.add(log);
        });
        var limiter = rateLimiter(config.redis(), closeables);
        var costStage = new CostStage(prices, exchange -> exchange.requireOperation().model().map(model -> routing
                .get().resolve(model, exchange.principal().map(Principal::access).orElse(Access.UNRESTRICTED))),
                budgets);
        var pipeline = Pipeline.of(List.of(
                new RecordStage(sinks),
                new AuthenticateStage(authenticator),
                new DecodeStage(),
                new AuthorizeStage(),
                // A concurrency slot is leased for at most an hour: longer than any upstream timeout allows a call.
                new LimitStage(limiter, capacity(config), clock, Duration.ofHours(1)),
                new RouteStage(routing),
                costStage,
                new MeterStage(TokenCounter.create()),
                new InvokeStage(() -> catalog(routing.get(), discovery))));

        var serverConfig = config.server();
        var server = GatewayServer.start(
                new GatewayServer.Settings(serverConfig.host(), serverConfig.port(), serverConfig.maxBodyBytes(),
                        serverConfig.shutdownGrace(), () -> health(config, limiter, budgets.ledger(), costStage)),
                pipeline, new GatewayServer.Codecs(OpenAiCodec.create(), AnthropicCodec.create(),
                        OllamaCodec.create(clock)), clock, requestIds(), admin);
        return new Wiring(closeables, server, config, masterKey, generated);
    }

    /** One store's health: its backend and, when Redis-backed, its failure policy and circuit counters. */
    private static Map<String, Object> storeHealth(boolean redis, String policy,
            @org.jspecify.annotations.Nullable Circuit circuit) {
        var store = new LinkedHashMap<String, Object>();
        store.put("backend", redis ? "redis" : "memory");
        if (circuit != null) {
            store.put("on_failure", policy);
            store.put("redis_errors", circuit.errors());
            store.put("fallbacks", circuit.fallbacks());
            store.put("skipped", circuit.skipped());
        }
        return store;
    }

    /**
     * What {@code /health/ready} reports beside its status: where limits and budgets are kept, how often the shared
     * store failed or was skipped and the failure policy answered instead, and how many calls went unpriced.
     */
    private static Map<String, Object> health(WardenConfig config, RateLimiter limiter, BudgetLedger ledger,
            CostStage cost) {
        var redis = config.redis();
        var policy = redis == null ? "none" : redis.onFailure().name().toLowerCase(Locale.ROOT);
        var limits = storeHealth(redis != null, policy,
                limiter instanceof FailoverRateLimiter shared ? shared.circuit() : null);
        var budgets = storeHealth(redis != null, policy,
                ledger instanceof RedisBudgetLedger shared ? shared.circuit() : null);
        var health = new LinkedHashMap<String, Object>();
        health.put("limits", limits);
        health.put("budgets", budgets);
        health.put("unpriced_calls", cost.unpricedCalls());
        return health;
    }

    /**
     * The caller's limits plus the capacity limits of the configuration: each alias's (also under the
     * deployment/model names it routes to) and the gateway's.
     */
    private static LimitsResolver capacity(WardenConfig config) {
        var byModel = new HashMap<String, List<LimitLine>>();
        for (var model : config.models()) {
            if (!model.limits().none()) {
                var line = new LimitLine("model:" + model.name(), limits(model.limits()));
                byModel.computeIfAbsent(model.name(), name -> new ArrayList<>()).add(line);
                for (var target : model.targets()) {
                    var explicit = byModel.computeIfAbsent(target.deployment() + "/" + target.model(),
                            name -> new ArrayList<>());
                    if (!explicit.contains(line)) {
                        explicit.add(line);
                    }
                }
            }
        }
        var global = config.globalLimits().none() ? List.<LimitLine>of()
                : List.of(new LimitLine("global", limits(config.globalLimits())));
        return LimitsResolver.withCapacity(byModel, global);
    }

    private static Limits limits(RateLimitConfig config) {
        return new Limits(config.rpm(), config.tpm(), config.maxParallel(), null, null);
    }

    /** Budget reservations in process or in Redis (with the same failure policy as limits), and the spend ledger. */
    private static Budgets budgets(WardenConfig config, Database database, InstantSource clock,
            List<AutoCloseable> closeables) {
        BudgetLedger ledger;
        var redis = config.redis();
        if (redis == null) {
            ledger = BudgetLedger.inMemory();
        } else {
            var client = RedisConnections.pool(redis.url(), redis.password() == null ? null
                    : redis.password().value(), redis.timeout(), 16, "warden-budgets");
            closeables.add(client::close);
            ledger = RedisBudgetLedger.create(client, "warden:budget:", policy(redis), Duration.ofDays(2));
        }
        var spend = SpendRecorder.start(new JdbcSpendStore(database), Duration.ofSeconds(5), 100_000);
        closeables.add(spend);
        var webhookUrl = config.budgets().webhookUrl();
        Optional<WebhookNotifier> webhook = Optional.empty();
        if (webhookUrl != null) {
            var notifier = HttpWebhookNotifier.start(java.net.http.HttpClient.newHttpClient(), webhookUrl,
                    Duration.ofSeconds(5), 1000);
            closeables.add(notifier);
            webhook = Optional.of(notifier);
        }
        return new Budgets(ledger, spend, webhook, clock, config.budgets().timeZone(),
                config.budgets().reservationTtl(), config.budgets().thresholds(), 4096);
    }

    /** In-process limits, or Redis shared by every instance with the configured failure policy. */
    private static RateLimiter rateLimiter(@org.jspecify.annotations.Nullable RedisConfig redis,
            List<AutoCloseable> closeables) {
        if (redis == null) {
            return InMemoryRateLimiter.create();
        }
        var shared = RedisRateLimiter.connect(redis.url(), redis.password() == null ? null : redis.password().value(),
                "warden:rl:", redis.timeout());
        closeables.add(shared::close);
        return FailoverRateLimiter.of(shared, policy(redis));
    }

    /** The configuration's {@code redis.on_failure}, for limits and budgets alike. */
    private static FailurePolicy policy(RedisConfig redis) {
        return switch (redis.onFailure()) {
            case LOCAL -> FailurePolicy.LOCAL;
            case FAIL_OPEN -> FailurePolicy.FAIL_OPEN;
            case FAIL_CLOSED -> FailurePolicy.FAIL_CLOSED;
        };
    }

    /** The configured aliases first, then what upstreams reported they serve (as deployment/model). */
    private static List<ModelInfo> catalog(Router router, ModelDiscovery discovery) {
        var discovered = discovery.models();
        if (discovered.isEmpty()) {
            return router.catalog();
        }
        var all = new ArrayList<>(router.catalog());
        all.addAll(discovered);
        return all;
    }

    private static java.util.Optional<AccessLog> accessLog(AccessLogConfig config, OutputStream stdout,
            JsonFactory json) {
        return switch (config.target()) {
            case OFF -> java.util.Optional.empty();
            case STDOUT -> java.util.Optional.of(AccessLog.create(stdout, config.queueCapacity(), json));
            case FILE -> {
                try {
                    var parent = config.file().toAbsolutePath().getParent();
                    if (parent != null) {
                        Files.createDirectories(parent);
                    }
                    yield java.util.Optional.of(AccessLog.create(new java.io.BufferedOutputStream(
                            new FileOutputStream(config.file().toFile(), true), 65536), config.queueCapacity(), json));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot open access log " + config.file(), e);
                }
            }
        };
    }

    /** Request ids: 24 hex digits from a fast non-blocking source; unique enough to correlate, not secrets. */
    private static Supplier<String> requestIds() {
        return () -> "req_" + randomId();
    }

    private static String randomId() {
        var random = ThreadLocalRandom.current();
        return HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextInt());
    }

    private static String generateMasterKey() {
        var bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return "sk-warden-" + HexFormat.of().formatHex(bytes);
    }

    public int port() {
        return server.port();
    }

    public String masterKey() {
        return masterKey;
    }

    /** What an operator needs on start: where to connect, the key (once, if generated), and the models. */
    public String banner(boolean embeddedDefaults) {
        var out = new StringBuilder();
        var host = config.server().host();
        out.append("Warden listening on http://").append(host.contains(":") ? "[" + host + "]" : host)
                .append(':').append(port()).append(" (OpenAI API at /v1)\n");
        if (generatedKey) {
            out.append("Master key (generated for this run, shown once; set WARDEN_MASTER_KEY to choose it): ")
                    .append(masterKey).append('\n');
        }
        var database = config.database();
        out.append("Admin page: http://").append(host.contains(":") ? "[" + host + "]" : host).append(':')
                .append(port()).append("/admin/ ; keys and users in ")
                .append(database.sqlite() ? database.url().substring("jdbc:sqlite:".length()) + " (embedded SQLite)"
                        : "PostgreSQL")
                .append('\n');
        out.append("Models: ");
        out.append(String.join(", ", config.models().stream().map(model -> model.name()).toList()));
        if (embeddedDefaults) {
            out.append("\n'echo' is the built-in demo model: it repeats your last message and needs no API key.");
        }
        return out.toString();
    }

    /** Drains in-flight requests, then closes the server, the upstream client and the log writers. */
    @Override
    public void close() {
        server.drainAndStop();
        closeAll(closeables);
    }

    /** Closes in reverse order of opening; one failure does not stop the rest. */
    private static void closeAll(List<AutoCloseable> closeables) {
        for (var closeable : closeables.reversed()) {
            try {
                closeable.close();
            } catch (Exception e) {
                System.err.println("warden: error while closing: " + e.getMessage());
            }
        }
    }
}
