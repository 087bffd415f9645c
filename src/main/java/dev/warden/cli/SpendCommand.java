package dev.warden.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code warden spend}: a spend report from a running Warden, as a table or as CSV. */
@Command(name = "spend", description = "Report spend by key, user, team, org, model or day (UTC days).",
        mixinStandardHelpOptions = true)
final class SpendCommand implements Callable<Integer> {
    private final Map<String, String> env;

    @Mixin
    AdminOptions admin;

    @Option(names = "--by", defaultValue = "day", description = "key, user, team, org, model or day (default day).")
    String by;

    @Option(names = "--from", description = "First day, YYYY-MM-DD (default: the first of the month of --to).")
    String from;

    @Option(names = "--to", description = "Last day, YYYY-MM-DD, inclusive (default: today).")
    String to;

    // --key is the admin credential of every admin command (AdminOptions).
    @Option(names = "--key-id", description = "Only this key id.")
    String keyId;

    @Option(names = "--user", description = "Only this user id.")
    String user;

    @Option(names = "--team", description = "Only this team id.")
    String team;

    @Option(names = "--org", description = "Only this organization id.")
    String org;

    @Option(names = "--model", description = "Only this model.")
    String model;

    @Option(names = "--csv", description = "Print CSV (RFC 4180) instead of a table.")
    boolean csv;

    SpendCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        return Commands.run(() -> {
            var query = new StringBuilder("/spend?by=").append(by);
            Commands.appendQuery(query, "from", from);
            Commands.appendQuery(query, "to", to);
            Commands.appendQuery(query, "key_id", keyId);
            Commands.appendQuery(query, "user_id", user);
            Commands.appendQuery(query, "team_id", team);
            Commands.appendQuery(query, "org_id", org);
            Commands.appendQuery(query, "model", model);
            var client = admin.client(env);
            if (csv) {
                System.out.print(client.text(query.append("&format=csv").toString()));
                return;
            }
            var report = client.get(query.toString());
            if (admin.json) {
                System.out.println(report.toPrettyString());
                return;
            }
            var columns = new ArrayList<>(List.of("group", "cost_usd", "prompt_tokens", "completion_tokens",
                    "requests"));
            if (!List.of("day", "model").contains(report.path("by").asText())) {
                columns.add(1, "name");
            }
            var rows = report.path("data").deepCopy();
            ((ArrayNode) rows).addObject().put("group", "total")
                    .setAll((ObjectNode) report.path("total"));
            System.out.println("Spend by " + report.path("by").asText() + ", " + report.path("from").asText()
                    + " to " + report.path("to").asText() + " (UTC):");
            Table.print(System.out, rows, columns);
        });
    }
}
