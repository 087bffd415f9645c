package dev.warden.provider.anthropic;

import dev.warden.provider.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Makes upstream error text safe for clients: removes the endpoint's secrets and address (the key, extra header
 * values, the host), any URL, and bounds the length. The same policy as the OpenAI-compatible provider's scrubber,
 * which is package-private there; moving one copy to the provider core is proposed.
 */
record Scrubber(List<String> secrets) {
    static final int MAX_LENGTH = 500;
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?|wss?)://\\S+");
    /** Secrets shorter than this are too likely to match ordinary words to be scrubbed by value. */
    private static final int MIN_SECRET_LENGTH = 6;

    Scrubber {
        secrets = List.copyOf(secrets);
    }

    static Scrubber of(Endpoint endpoint) {
        var secrets = new ArrayList<String>();
        if (endpoint.apiKey() != null) {
            secrets.add(endpoint.apiKey());
        }
        secrets.addAll(endpoint.headers().values());
        var base = endpoint.baseUrl();
        if (base.getHost() != null) {
            secrets.add(base.getHost());
        }
        secrets.add(base.toString());
        secrets.removeIf(s -> s.length() < MIN_SECRET_LENGTH);
        // Longest first, so a URL is removed whole before its host is looked for.
        secrets.sort((a, b) -> Integer.compare(b.length(), a.length()));
        return new Scrubber(secrets);
    }

    String scrub(String message) {
        var out = message;
        for (var secret : secrets) {
            out = out.replace(secret, "***");
        }
        out = URL.matcher(out).replaceAll("[url]").strip();
        if (out.length() > MAX_LENGTH) {
            out = out.substring(0, MAX_LENGTH - 3).stripTrailing() + "...";
        }
        return out;
    }
}
