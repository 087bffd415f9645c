package dev.warden.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code warden teams ...} and {@code warden orgs ...}: the org → team tree through the admin API. */
@Command(name = "teams", description = "Create and list teams, and manage their members.",
        mixinStandardHelpOptions = true)
final class TeamsCommand {
    private final Map<String, String> env;

    TeamsCommand(Map<String, String> env) {
        this.env = env;
    }

    @Command(name = "create", description = "Create a team in an organization.")
    int create(@Mixin AdminOptions admin, @Parameters(paramLabel = "NAME") String name,
            @Option(names = "--org", required = true, description = "Organization id.") String org,
            @Option(names = "--tier", description = "Tier id.") String tier,
            @Option(names = "--models", split = ",", description = "Allowed models.") List<String> models) {
        return Commands.run(() -> {
            var client = admin.client(env);
            var body = client.mapper().createObjectNode().put("name", name).put("org_id", org);
            if (tier != null) {
                body.put("tier_id", tier);
            }
            if (models != null) {
                models.forEach(body.withArray("models")::add);
            }
            var team = client.post("/teams", body);
            System.out.println(admin.json ? team.toPrettyString() : "Created team " + team.path("id").asText() + ".");
        });
    }

    @Command(name = "list", description = "List teams.")
    int list(@Mixin AdminOptions admin, @Option(names = "--org", description = "Only this organization.") String org) {
        return Commands.run(() -> {
            var query = new StringBuilder("/teams?limit=1000");
            Commands.appendQuery(query, "org", org);
            var answer = admin.client(env).get(query.toString());
            if (admin.json) {
                System.out.println(answer.toPrettyString());
            } else {
                Table.print(System.out, answer.path("data"), List.of("id", "name", "org_id", "tier_id", "models"));
            }
        });
    }

    @Command(name = "add-member", description = "Add a user to a team.")
    int addMember(@Mixin AdminOptions admin, @Parameters(index = "0", paramLabel = "TEAM_ID") String team,
            @Parameters(index = "1", paramLabel = "USER_ID") String user) {
        return Commands.run(() -> {
            var client = admin.client(env);
            client.post("/teams/" + Commands.segment(team) + "/members",
                    client.mapper().createObjectNode().put("user_id", user));
            System.out.println("Added " + user + " to " + team + ".");
        });
    }
}
