package dev.warden.cli;

import static dev.warden.cli.Commands.putIfSet;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code warden keys ...}: virtual keys through the admin API of a running Warden. */
@Command(name = "keys", description = "Create, list, revoke and rotate virtual keys.", mixinStandardHelpOptions = true)
final class KeysCommand {
    private static final List<String> COLUMNS = List.of("id", "prefix", "alias", "user_id", "team_id", "models",
            "enabled", "expires_at", "last_used");

    private final Map<String, String> env;

    KeysCommand(Map<String, String> env) {
        this.env = env;
    }

    @Command(name = "create", description = "Create a key; its secret is printed once.")
    int create(@Mixin AdminOptions admin,
            @Option(names = "--alias") String alias,
            @Option(names = "--user", description = "Owning user id.") String user,
            @Option(names = "--team", description = "Owning team id.") String team,
            @Option(names = "--org", description = "Owning organization id.") String org,
            @Option(names = "--tier", description = "Tier id.") String tier,
            @Option(names = "--models", split = ",", description = "Allowed models (globs or aliases).") List<String> models,
            @Option(names = "--endpoints", split = ",", description = "chat, completions, embeddings, models, count_tokens.") List<String> endpoints,
            @Option(names = "--expires-in", description = "e.g. 30d, 12h.") String expiresIn,
            @Option(names = "--rpm", description = "Requests per minute.") Long rpm,
            @Option(names = "--budget", description = "Budget in USD.") String budget,
            @Option(names = "--token-budget", description = "Budget in standard tokens a month (tokens weighted by"
                    + " the model's cost tier).") Long tokenBudget) {
        return Commands.run(() -> {
            var client = admin.client(env);
            var body = client.mapper().createObjectNode();
            putIfSet(body, "alias", alias);
            putIfSet(body, "user_id", user);
            putIfSet(body, "team_id", team);
            putIfSet(body, "org_id", org);
            putIfSet(body, "tier_id", tier);
            putIfSet(body, "expires_in", expiresIn);
            if (models != null) {
                models.forEach(body.withArray("models")::add);
            }
            if (endpoints != null) {
                endpoints.forEach(body.withArray("endpoints")::add);
            }
            if (rpm != null || budget != null || tokenBudget != null) {
                var limits = body.putObject("limits");
                if (rpm != null) {
                    limits.put("rpm", rpm);
                }
                if (budget != null) {
                    try {
                        limits.put("budget_usd", new java.math.BigDecimal(budget));
                    } catch (NumberFormatException notNumber) {
                        throw new CliException("--budget must be a number of US dollars, like 25 or 12.50");
                    }
                }
                if (tokenBudget != null) {
                    limits.put("token_budget", tokenBudget);
                }
            }
            var created = client.post("/keys", body);
            if (admin.json) {
                System.out.println(created.toPrettyString());
            } else {
                System.out.println("Created key " + created.path("id").asText() + ". Its secret is shown only now:");
                System.out.println(created.path("key").asText());
            }
        });
    }

    @Command(name = "list", description = "List keys (never their secrets).")
    int list(@Mixin AdminOptions admin,
            @Option(names = "--user") String user,
            @Option(names = "--team") String team,
            @Option(names = "--org") String org,
            @Option(names = "--include-revoked") boolean includeRevoked) {
        return Commands.run(() -> {
            var query = new StringBuilder("/keys?limit=1000");
            Commands.appendQuery(query, "user", user);
            Commands.appendQuery(query, "team", team);
            Commands.appendQuery(query, "org", org);
            if (includeRevoked) {
                query.append("&include_revoked=true");
            }
            var answer = admin.client(env).get(query.toString());
            if (admin.json) {
                System.out.println(answer.toPrettyString());
            } else {
                Table.print(System.out, answer.path("data"), COLUMNS);
            }
        });
    }

    @Command(name = "revoke", description = "Revoke a key at once, on every instance.")
    int revoke(@Mixin AdminOptions admin, @Parameters(paramLabel = "KEY_ID") String id) {
        return Commands.run(() -> {
            var client = admin.client(env);
            var answer = client.post("/keys/" + Commands.segment(id) + "/revoke", client.mapper().createObjectNode());
            System.out.println(admin.json ? answer.toPrettyString() : "Revoked key " + id + ".");
        });
    }

    @Command(name = "rotate", description = "Issue a new secret; the old one keeps working for the grace period.")
    int rotate(@Mixin AdminOptions admin, @Parameters(paramLabel = "KEY_ID") String id,
            @Option(names = "--grace", defaultValue = "24h", description = "How long the old secret stays valid (default 24h).") String grace) {
        return Commands.run(() -> {
            var client = admin.client(env);
            var body = client.mapper().createObjectNode().put("grace_period", grace);
            var answer = client.post("/keys/" + Commands.segment(id) + "/rotate", body);
            if (admin.json) {
                System.out.println(answer.toPrettyString());
            } else {
                System.out.println("Rotated " + id + " into key " + answer.path("id").asText() + " (the old secret"
                        + " works for " + grace + "). The new secret is shown only now:");
                System.out.println(answer.path("key").asText());
            }
        });
    }
}
