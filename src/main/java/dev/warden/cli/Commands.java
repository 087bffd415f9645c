package dev.warden.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** What the admin subcommands share: error reporting and URL building. */
final class Commands {
    private Commands() {}

    /** Runs a command body; a {@link CliException} becomes one line on stderr and exit code 1. */
    static int run(Runnable body) {
        try {
            body.run();
            return 0;
        } catch (CliException failed) {
            System.err.println("warden: " + failed.getMessage());
            return 1;
        }
    }

    static void appendQuery(StringBuilder query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    /** Sets a string field of a request body when the option was given. */
    static void putIfSet(ObjectNode body, String field, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            body.put(field, value);
        }
    }

    /** A path segment, percent-encoded so an id can never change the path. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
