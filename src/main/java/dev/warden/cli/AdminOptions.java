package dev.warden.cli;

import java.util.Map;
import picocli.CommandLine.Option;

/** Where the admin commands find Warden and which credential they present. */
final class AdminOptions {
    @Option(names = "--url", description = "Warden's base URL (default: $WARDEN_URL or http://127.0.0.1:8080).")
    String url;

    @Option(names = "--key", description = "An admin credential: the master key, an admin's virtual key or a JWT"
            + " (default: $WARDEN_ADMIN_KEY, then $WARDEN_MASTER_KEY).")
    String key;

    @Option(names = "--json", description = "Print the server's JSON answer instead of a table.")
    boolean json;

    AdminClient client(Map<String, String> env) {
        var resolvedUrl = url != null ? url : env.getOrDefault("WARDEN_URL", "http://127.0.0.1:8080");
        var resolvedKey = key != null ? key : env.getOrDefault("WARDEN_ADMIN_KEY", env.get("WARDEN_MASTER_KEY"));
        if (resolvedKey == null || resolvedKey.isBlank()) {
            throw new CliException("no admin credential: pass --key or set WARDEN_ADMIN_KEY or WARDEN_MASTER_KEY");
        }
        return new AdminClient(resolvedUrl, resolvedKey);
    }
}
