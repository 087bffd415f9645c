package dev.warden.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code warden orgs ...}: organizations through the admin API. */
@Command(name = "orgs", description = "Create and list organizations.", mixinStandardHelpOptions = true)
final class OrgsCommand {
    private final Map<String, String> env;

    OrgsCommand(Map<String, String> env) {
        this.env = env;
    }

    @Command(name = "create", description = "Create an organization.")
    int create(@Mixin AdminOptions admin, @Parameters(paramLabel = "NAME") String name,
            @Option(names = "--tier", description = "Tier id.") String tier) {
        return Commands.run(() -> {
            var client = admin.client(env);
            var body = client.mapper().createObjectNode().put("name", name);
            if (tier != null) {
                body.put("tier_id", tier);
            }
            var org = client.post("/orgs", body);
            System.out.println(admin.json ? org.toPrettyString() : "Created organization " + org.path("id").asText()
                    + ".");
        });
    }

    @Command(name = "list", description = "List organizations.")
    int list(@Mixin AdminOptions admin) {
        return Commands.run(() -> {
            var answer = admin.client(env).get("/orgs?limit=1000");
            if (admin.json) {
                System.out.println(answer.toPrettyString());
            } else {
                Table.print(System.out, answer.path("data"), List.of("id", "name", "tier_id", "models"));
            }
        });
    }
}
