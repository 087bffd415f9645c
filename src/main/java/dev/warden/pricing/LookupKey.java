package dev.warden.pricing;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns the model names real traffic carries into catalog keys. Only rewrites that cannot change which model is
 * meant are applied: a Bedrock cross-region prefix or an ARN around a foundation-model id names the same model at
 * the same price, and Gemini's {@code models/} path prefix is just addressing. A dated OpenAI snapshot is never
 * mapped to its family (snapshots have been priced differently, e.g. gpt-4o-2024-05-13): it matches only when the
 * catalog lists it as an id or alias.
 */
final class LookupKey {

    /** Cross-region inference profile prefixes: {@code us.anthropic.claude-...}, {@code global.anthropic...}. */
    private static final Pattern BEDROCK_REGION =
            Pattern.compile("^(us|eu|apac|global|us-gov|ca|jp|au)\\.(?=[^.]+\\.)");
    /** Provisioned context variants ({@code :200k}) and then the revision ({@code :0}). */
    private static final Pattern BEDROCK_CONTEXT = Pattern.compile(":\\d+k$");
    private static final Pattern BEDROCK_REVISION = Pattern.compile(":\\d+$");

    private LookupKey() {
    }

    static String of(String provider, String model) {
        var key = model.strip().toLowerCase(Locale.ROOT);
        return switch (provider) {
            case "bedrock" -> bedrock(key);
            case "gemini" -> key.substring(key.lastIndexOf('/') + 1);
            default -> key;
        };
    }

    private static String bedrock(String model) {
        var key = model;
        if (key.startsWith("arn:")) {
            key = key.substring(key.lastIndexOf('/') + 1);
        }
        key = BEDROCK_REGION.matcher(key).replaceFirst("");
        key = BEDROCK_CONTEXT.matcher(key).replaceFirst("");
        return BEDROCK_REVISION.matcher(key).replaceFirst("");
    }
}
