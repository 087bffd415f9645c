package dev.warden.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code warden budgets ...}: the live budgets of a key, user, team or org, and resetting one. */
@Command(name = "budgets", description = "Show live budgets and reset one for its current window.",
        mixinStandardHelpOptions = true)
final class BudgetsCommand {
    private static final List<String> COLUMNS = List.of("scope", "unit", "own", "binding", "window", "window_end",
            "cap", "spent", "reserved", "remaining", "percent_used");
    private static final List<String> AMOUNTS = List.of("cap", "spent", "reserved", "remaining");

    private final Map<String, String> env;

    BudgetsCommand(Map<String, String> env) {
        this.env = env;
    }

    @Command(name = "show", description = "Every budget that applies to SCOPE (its own and its chain's).")
    int show(@Mixin AdminOptions admin, @Parameters(paramLabel = "SCOPE",
            description = "key:<id>, user:<id>, team:<id> or org:<id>") String scope) {
        return Commands.run(() -> {
            var status = admin.client(env).get(path(scope));
            if (admin.json) {
                System.out.println(status.toPrettyString());
            } else {
                Table.print(System.out, rows(status.path("data")), COLUMNS);
            }
        });
    }

    @Command(name = "reset", description = "Zero SCOPE's own budget for its current window (calls in flight still"
            + " settle).")
    int reset(@Mixin AdminOptions admin, @Parameters(paramLabel = "SCOPE",
            description = "key:<id>, user:<id>, team:<id> or org:<id>") String scope) {
        return Commands.run(() -> {
            var client = admin.client(env);
            var status = client.post(path(scope) + "/reset", client.mapper().createObjectNode());
            if (admin.json) {
                System.out.println(status.toPrettyString());
            } else {
                var reset = status.path("reset");
                var before = new ArrayList<String>();
                if (reset.has("spent_before_usd")) {
                    before.add(reset.path("spent_before_usd").asText() + " USD");
                }
                if (reset.has("spent_before_tokens")) {
                    before.add(reset.path("spent_before_tokens").asText() + " standard tokens");
                }
                System.out.println("Reset the budget of " + scope + " for window " + reset.path("window_id").asText()
                        + " (" + String.join(" and ", before) + " spent before).");
                Table.print(System.out, rows(status.path("data")), COLUMNS);
            }
        });
    }

    /** Budget lines with their amounts under one name whatever the unit ({@code cap_usd} or {@code cap_tokens}). */
    private static JsonNode rows(JsonNode lines) {
        var rows = JsonNodeFactory.instance.arrayNode();
        for (var line : lines) {
            var row = ((ObjectNode) line).deepCopy();
            var suffix = "tokens".equals(line.path("unit").asText()) ? "_tokens" : "_usd";
            for (var amount : AMOUNTS) {
                row.set(amount, line.path(amount + suffix));
            }
            rows.add(row);
        }
        return rows;
    }

    /** {@code team:t_1} → {@code /teams/t_1/budget}. */
    static String path(String scope) {
        int colon = scope.indexOf(':');
        var kind = colon < 0 ? "" : scope.substring(0, colon);
        var id = colon < 0 ? "" : scope.substring(colon + 1);
        var collection = switch (kind) {
            case "key" -> "keys";
            case "user" -> "users";
            case "team" -> "teams";
            case "org" -> "orgs";
            default -> null;
        };
        if (collection == null || id.isBlank()) {
            throw new CliException("SCOPE must be key:<id>, user:<id>, team:<id> or org:<id>, not '" + scope + "'");
        }
        return "/" + collection + "/" + Commands.segment(id) + "/budget";
    }
}
