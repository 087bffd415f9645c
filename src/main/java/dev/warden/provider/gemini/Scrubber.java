package dev.warden.provider.gemini;

import dev.warden.provider.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Makes upstream error text safe for clients: removes the endpoint's secrets and address (the credential, extra
 * header values, the host), anything shaped like a Google API key or OAuth access token (Google's messages quote
 * keys and echo request URLs), any URL, and cuts the text to a bounded length.
 */
record Scrubber(List<String> secrets) {
    static final int MAX_LENGTH = 500;
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?|wss?|gs)://\\S+");
    /** Google API keys ({@code AIza} + 35) and OAuth access tokens ({@code ya29.}...). */
    private static final Pattern GOOGLE_CREDENTIAL = Pattern.compile("AIza[0-9A-Za-z_\\-]{35,}|ya29\\.[0-9A-Za-z_\\-.]+");
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
        // URLs first: a secret replaced inside a URL would leave the rest of it (a ?key= query) behind.
        var out = URL.matcher(message).replaceAll("[url]");
        for (var secret : secrets) {
            out = out.replace(secret, "***");
        }
        out = GOOGLE_CREDENTIAL.matcher(out).replaceAll("***");
        out = out.strip();
        if (out.length() > MAX_LENGTH) {
            out = out.substring(0, MAX_LENGTH - 3).stripTrailing() + "...";
        }
        return out;
    }
}
