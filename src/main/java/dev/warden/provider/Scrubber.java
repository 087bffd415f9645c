package dev.warden.provider;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Makes upstream error text safe for clients: removes the endpoint's secrets and address (the credential, extra
 * header values, the host with and without its port), any URL, any AWS ARN (it names the account), anything shaped
 * like a Google API key or OAuth access token, and cuts the text to a bounded length.
 *
 * <p>One policy for every provider, the union of what each provider's own copy removed: a pattern that cannot occur
 * in one upstream's messages costs nothing there, and a provider that forgets one leaks. Provider-specific
 * credentials (AWS keys, a Bedrock bearer token) come in as extra secrets. A class, not a record, so that no
 * {@code toString} ever prints the secrets it holds.
 */
public final class Scrubber {
    public static final int MAX_LENGTH = 500;
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?|wss?|gs)://\\S+");
    private static final Pattern ARN = Pattern.compile("\\barn:aws[a-z-]*:[^\\s\"',]+");
    /** Google API keys ({@code AIza} + 35) and OAuth access tokens ({@code ya29.}...). */
    private static final Pattern GOOGLE_CREDENTIAL =
            Pattern.compile("AIza[0-9A-Za-z_\\-]{35,}|ya29\\.[0-9A-Za-z_\\-.]+");
    /** Secrets shorter than this are too likely to match ordinary words to be scrubbed by value. */
    private static final int MIN_SECRET_LENGTH = 6;
    private static final byte KEEP = 0;
    private static final byte SECRET = 1;
    private static final byte IN_URL = 2;

    private final List<String> secrets;

    private Scrubber(List<String> secrets) {
        this.secrets = List.copyOf(secrets);
    }

    public static Scrubber of(Endpoint endpoint) {
        return of(endpoint, List.of());
    }

    /** A scrubber for the endpoint that also removes credentials only the provider's own settings know. */
    public static Scrubber of(Endpoint endpoint, Collection<String> extraSecrets) {
        var secrets = new ArrayList<String>();
        if (endpoint.apiKey() != null) {
            secrets.add(endpoint.apiKey());
        }
        secrets.addAll(extraSecrets);
        secrets.addAll(endpoint.headers().values());
        var base = endpoint.baseUrl();
        if (base.getHost() != null) {
            secrets.add(base.getHost());
            if (base.getPort() > 0) {
                // Local upstreams (Ollama, vLLM) quote host:port in their errors; the port alone says where.
                secrets.add(base.getHost() + ":" + base.getPort());
            }
        }
        secrets.add(base.toString());
        secrets.removeIf(s -> s.length() < MIN_SECRET_LENGTH);
        return new Scrubber(secrets);
    }

    public String scrub(String message) {
        var out = ARN.matcher(redactSecretsAndUrls(message)).replaceAll("[arn]");
        out = GOOGLE_CREDENTIAL.matcher(out).replaceAll("***").strip();
        if (out.length() > MAX_LENGTH) {
            out = out.substring(0, MAX_LENGTH - 3).stripTrailing() + "...";
        }
        return out;
    }

    /**
     * Secrets and URLs are both found in the original text and removed together, because removing either first can
     * hide the other: a replaced host breaks the URL around it (leaving its path and {@code ?key=} query), and a
     * URL ends at a space that a header value may contain. A removed run reads {@code [url]} when part of a URL
     * outside any secret is in it, else {@code ***}.
     */
    private String redactSecretsAndUrls(String message) {
        var marks = new byte[message.length()];
        for (var secret : secrets) {
            for (int at = message.indexOf(secret); at >= 0; at = message.indexOf(secret, at + 1)) {
                Arrays.fill(marks, at, at + secret.length(), SECRET);
            }
        }
        var urls = URL.matcher(message);
        while (urls.find()) {
            for (int i = urls.start(); i < urls.end(); i++) {
                marks[i] = marks[i] == KEEP ? IN_URL : marks[i];
            }
        }
        var out = new StringBuilder(message.length());
        int i = 0;
        while (i < message.length()) {
            if (marks[i] == KEEP) {
                out.append(message.charAt(i++));
                continue;
            }
            boolean url = false;
            for (; i < message.length() && marks[i] != KEEP; i++) {
                url |= marks[i] == IN_URL;
            }
            out.append(url ? "[url]" : "***");
        }
        return out.toString();
    }
}
