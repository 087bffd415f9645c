package dev.warden.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code warden users ...}: users, and bulk onboarding from CSV, through the admin API. */
@Command(name = "users", description = "Create, list and bulk-import users.", mixinStandardHelpOptions = true)
final class UsersCommand {
    private final Map<String, String> env;

    UsersCommand(Map<String, String> env) {
        this.env = env;
    }

    @Command(name = "create", description = "Create a user.")
    int create(@Mixin AdminOptions admin, @Parameters(paramLabel = "EMAIL") String email,
            @Option(names = "--name") String name,
            @Option(names = "--org", description = "Organization id.") String org,
            @Option(names = "--teams", split = ",", description = "Team ids.") List<String> teams,
            @Option(names = "--tier", description = "Tier id.") String tier) {
        return Commands.run(() -> {
            var client = admin.client(env);
            var body = client.mapper().createObjectNode().put("email", email);
            if (name != null) {
                body.put("name", name);
            }
            if (org != null) {
                body.put("org_id", org);
            }
            if (tier != null) {
                body.put("tier_id", tier);
            }
            if (teams != null) {
                teams.forEach(body.withArray("team_ids")::add);
            }
            var user = client.post("/users", body);
            System.out.println(admin.json ? user.toPrettyString() : "Created user " + user.path("id").asText() + ".");
        });
    }

    @Command(name = "list", description = "List users.")
    int list(@Mixin AdminOptions admin) {
        return Commands.run(() -> {
            var answer = admin.client(env).get("/users?limit=1000");
            if (admin.json) {
                System.out.println(answer.toPrettyString());
            } else {
                Table.print(System.out, answer.path("data"), List.of("id", "email", "org_id", "team_ids", "tier_id"));
            }
        });
    }

    @Command(name = "import", description = "Onboard users from a CSV file with the header email,tier,alias,budget,rpm:"
            + " one user and one key per row. Prints a report per row; the keys' secrets are shown only now.")
    int importCsv(@Mixin AdminOptions admin, @Parameters(paramLabel = "FILE.csv") Path file,
            @Option(names = "--dry-run", description = "Check every row without writing anything.") boolean dryRun) {
        return Commands.run(() -> {
            String csv;
            try {
                csv = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CliException("cannot read " + file + ": " + e.getMessage());
            }
            var answer = admin.client(env).postText("/users/import" + (dryRun ? "?dry_run=true" : ""), "text/csv",
                    csv);
            var rows = answer.has("rows") ? answer.path("rows") : answer.path("data");
            if (admin.json) {
                System.out.println(answer.toPrettyString());
            } else {
                Table.print(System.out, rows, List.of("row", "email", "status", "user_id", "key_id", "key", "error"));
            }
            for (var row : rows) {
                if (row.path("status").asText().equals("error")) {
                    throw new CliException("some rows were not imported (see the report above)");
                }
            }
        });
    }
}
