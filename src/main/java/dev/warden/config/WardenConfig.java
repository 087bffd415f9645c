package dev.warden.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The whole, validated configuration. Deployments and models skipped because of {@code require_env} are not in
 * here; {@link LoadReport} says which were skipped. {@code globalLimits} is {@code limits.global}: capacity limits
 * on the whole gateway, for every caller.
 */
public record WardenConfig(ServerConfig server, AuthConfig auth, DatabaseConfig database, SecretsConfig secrets,
        @Nullable RedisConfig redis, BudgetsConfig budgets, AccessLogConfig accessLog,
        List<DeploymentConfig> deployments, List<ModelConfig> models, RoutingConfig routing,
        RateLimitConfig globalLimits) {

    public WardenConfig {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(budgets, "budgets");
        Objects.requireNonNull(accessLog, "accessLog");
        Objects.requireNonNull(routing, "routing");
        Objects.requireNonNull(globalLimits, "globalLimits");
        deployments = List.copyOf(deployments);
        models = List.copyOf(models);
    }

    public Optional<DeploymentConfig> deployment(String name) {
        return deployments.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    public Optional<ModelConfig> model(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
