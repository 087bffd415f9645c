package dev.warden.provider.ollama;

import dev.warden.provider.UnsupportedParams;
import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import dev.warden.llm.RawJson;
import dev.warden.provider.ProviderJson;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The pass-through request fields an Ollama call accepts, per endpoint, as data. Only Ollama-native fields get
 * through: a field from another vendor's API (say {@code reasoning_effort}) would be ignored by Ollama without a
 * word, so it is refused with a 400 that names it instead, or, under {@code drop_unsupported_params}, dropped and
 * reported (the wires read only the fields they know, so a dropped field is never written).
 */
final class Extras {
    /** {@code /api/chat}: {@code options} merge into the modeled options; the others go to the top level. */
    static final Set<String> CHAT = Set.of("options", "keep_alive", "think");
    static final Set<String> GENERATE = Set.of("options", "keep_alive", "think", "raw", "suffix", "system",
            "format");
    static final Set<String> EMBED = Set.of("options", "keep_alive", "truncate");

    private Extras() {}

    /**
     * @throws ApiException 400 naming the first field (alphabetically) that is not in {@code allowed}, unless the
     *                      deployment drops such fields
     */
    static void check(Map<String, RawJson> extra, Set<String> allowed, UnsupportedParams unsupported) {
        var unknown = new TreeSet<String>();
        for (var name : extra.keySet()) {
            if (!allowed.contains(name)) {
                unknown.add(name);
            }
        }
        for (var name : unknown) {
            unsupported.param(name, () -> new ApiException(ApiError.InvalidRequest.of("The parameter"
                    + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown.stream().map(n -> "'" + n + "'").toList())
                    + (unknown.size() > 1 ? " are" : " is") + " not supported by this model's upstream (Ollama).",
                    unknown.first())));
        }
    }

    /** {@code keep_alive}: the request's own, else the deployment's, else none. */
    static @Nullable RawJson keepAlive(Map<String, RawJson> extra, OllamaSettings settings) {
        var own = extra.get("keep_alive");
        if (own != null) {
            return own;
        }
        return settings.keepAlive() == null ? null : RawJson.of(ProviderJson.tree(settings.keepAlive())
                .toString());
    }
}
