package dev.warden.cli;

import static dev.warden.cli.Commands.putIfSet;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code warden prices ...}: price overrides through the admin API of a running Warden. Prices are passed to the
 * server as the text typed, so {@code 0.15} stays exactly 0.15 and the server's checks name what is wrong.
 */
@Command(name = "prices", description = "Set, list, show and delete price overrides.", mixinStandardHelpOptions = true)
final class PricesCommand {
    private static final List<String> COLUMNS = List.of("id", "model", "deployment", "input", "output",
            "cached_input", "cost_tier", "note", "updated_by");

    private final Map<String, String> env;

    PricesCommand(Map<String, String> env) {
        this.env = env;
    }

    @Command(name = "list", description = "List price overrides.")
    int list(@Mixin AdminOptions admin, @Option(names = "--model", description = "Only this upstream model.") String model) {
        return Commands.run(() -> {
            var query = new StringBuilder("/prices?limit=1000");
            Commands.appendQuery(query, "model", model);
            var answer = admin.client(env).get(query.toString());
            if (admin.json) {
                System.out.println(answer.toPrettyString());
            } else {
                Table.print(System.out, answer.path("data"), COLUMNS);
            }
        });
    }

    @Command(name = "set", description = "Price a model, on one deployment or (without --deployment) on every"
            + " deployment serving it; changes the existing override for that pair if there is one.")
    int set(@Mixin AdminOptions admin,
            @Option(names = "--model", required = true, description = "The upstream model name.") String model,
            @Option(names = "--deployment", description = "A deployment name (default: every deployment).") String deployment,
            @Option(names = "--input", description = "USD per million input tokens.") String input,
            @Option(names = "--output", description = "USD per million output tokens.") String output,
            @Option(names = "--cached-input", description = "USD per million cached input tokens.") String cachedInput,
            @Option(names = "--cost-tier", description = "frontier, standard, small or embedding.") String costTier,
            @Option(names = "--note") String note) {
        return Commands.run(() -> {
            var client = admin.client(env);
            var body = client.mapper().createObjectNode();
            putIfSet(body, "input", input);
            putIfSet(body, "output", output);
            putIfSet(body, "cached_input", cachedInput);
            putIfSet(body, "cost_tier", costTier);
            putIfSet(body, "note", note);
            var existing = existing(client, model, deployment);
            JsonNode answer;
            if (existing != null) {
                answer = client.patch("/prices/" + Commands.segment(existing), body);
            } else {
                body.put("model", model);
                putIfSet(body, "deployment", deployment);
                answer = client.post("/prices", body);
            }
            if (admin.json) {
                System.out.println(answer.toPrettyString());
            } else {
                System.out.println((existing != null ? "Changed " : "Created ") + answer.path("id").asText() + ": "
                        + model + " on " + (deployment == null ? "every deployment" : deployment) + " costs "
                        + answer.path("input").asText() + " in / " + answer.path("output").asText()
                        + " out (USD per million tokens).");
            }
        });
    }

    @Command(name = "delete", description = "Delete a price override; the next price in line applies again.")
    int delete(@Mixin AdminOptions admin, @Parameters(paramLabel = "PRICE_ID") String id) {
        return Commands.run(() -> {
            var answer = admin.client(env).delete("/prices/" + Commands.segment(id));
            System.out.println(admin.json ? answer.toPrettyString() : "Deleted price override " + id + ".");
        });
    }

    @Command(name = "show", description = "Show the price a call to a model on a deployment is charged now, and"
            + " where it comes from.")
    int show(@Mixin AdminOptions admin,
            @Option(names = "--deployment", required = true) String deployment,
            @Option(names = "--model", required = true, description = "The upstream model name.") String model) {
        return Commands.run(() -> {
            var query = new StringBuilder("/prices/effective?");
            Commands.appendQuery(query, "deployment", deployment);
            Commands.appendQuery(query, "model", model);
            var answer = admin.client(env).get(query.toString().replace("?&", "?"));
            if (admin.json) {
                System.out.println(answer.toPrettyString());
                return;
            }
            var price = answer.path("price");
            var source = answer.path("source").asText();
            System.out.println(model + " on " + deployment + ": " + (price.isObject() ? price.path("input").asText()
                    + " in / " + price.path("output").asText() + " out / " + price.path("cached_input").asText()
                    + " cached (USD per million tokens)" : "no price (unpriced: "
                    + answer.path("unpriced").asText() + ")"));
            var from = switch (source) {
                case "override" -> "override " + answer.path("override_id").asText();
                case "catalog" -> answer.path("catalog").isObject() ? "catalog " + answer.at("/catalog/provider")
                        .asText() + "/" + answer.at("/catalog/id").asText() + ", effective " + answer.at(
                                "/catalog/effective").asText() + ", " + answer.at("/catalog/source").asText()
                        : "catalog";
                default -> source;
            };
            System.out.println("source: " + from);
        });
    }

    /** The id of the override for this model and deployment (or every deployment), if there is one. */
    private static @Nullable String existing(AdminClient client, String model, String deployment) {
        var query = new StringBuilder("/prices?limit=1000");
        Commands.appendQuery(query, "model", model);
        for (var override : client.get(query.toString()).path("data")) {
            var scope = override.path("deployment");
            if (deployment == null ? scope.isNull() : scope.asText().equals(deployment)) {
                return override.path("id").asText();
            }
        }
        return null;
    }
}
