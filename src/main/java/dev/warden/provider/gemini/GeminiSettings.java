package dev.warden.provider.gemini;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a Gemini deployment needs beside its {@link dev.warden.provider.Endpoint}.
 *
 * @param flavor which Google API serves the model
 * @param project the Google Cloud project id (Vertex only, required there)
 * @param location the Vertex region such as {@code us-central1}, or {@code global} (Vertex only, required there)
 * @param dropUnsupportedParams the deployment's {@code drop_unsupported_params}: when true a canonical parameter
 *                              Gemini cannot honour (the end-user id, participant names, image detail, strict tool
 *                              schemas, disabled parallel tool calls, foreign extra fields) is dropped and reported
 *                              in the call notes; when false it is a 400 naming it
 */
public record GeminiSettings(Flavor flavor, @Nullable String project, @Nullable String location,
        boolean dropUnsupportedParams) {

    /** Google's two front doors to the same models and the same request/response wire. */
    public enum Flavor { GENERATIVE_LANGUAGE, VERTEX }

    /** Project ids and regions end up in the URL path, so only their documented alphabets are accepted. */
    private static final Pattern PATH_SAFE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public GeminiSettings {
        Objects.requireNonNull(flavor, "flavor");
        if (flavor == Flavor.VERTEX) {
            if (project == null || !PATH_SAFE.matcher(project).matches()) {
                throw new IllegalArgumentException("Vertex AI needs a project id (lower case letters, digits, '-')");
            }
            if (location == null || !PATH_SAFE.matcher(location).matches()) {
                throw new IllegalArgumentException("Vertex AI needs a location such as us-central1 or global");
            }
        }
    }

    public GeminiSettings(Flavor flavor, @Nullable String project, @Nullable String location) {
        this(flavor, project, location, false);
    }

    public static GeminiSettings generativeLanguage() {
        return new GeminiSettings(Flavor.GENERATIVE_LANGUAGE, null, null, false);
    }

    public static GeminiSettings vertex(String project, String location) {
        return new GeminiSettings(Flavor.VERTEX, project, location, false);
    }

    /** The public base URL for this flavor, for configurations that do not name one. */
    public URI defaultBaseUrl() {
        return switch (flavor) {
            case GENERATIVE_LANGUAGE -> URI.create("https://generativelanguage.googleapis.com");
            case VERTEX -> "global".equals(location)
                    ? URI.create("https://aiplatform.googleapis.com")
                    : URI.create("https://" + location + "-aiplatform.googleapis.com");
        };
    }
}
