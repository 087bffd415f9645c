package dev.warden.provider.openaicompat;

import dev.warden.llm.RawJson;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The simple differences of one OpenAI-compatible upstream, as data. Structure is shared code; only what fits a
 * table lives here.
 *
 * <p>{@code rename}, {@code drop} and {@code defaults} apply to top-level fields of chat completion bodies (modeled
 * fields and {@code extra} pass-through alike). They do not apply to legacy completions or embeddings bodies, whose
 * parameter sets differ ({@code max_completion_tokens} does not exist on {@code /v1/completions}).
 *
 * @param name the preset or configured name, for logs and errors
 * @param rename OpenAI field name → the upstream's name for the same thing (Mistral: {@code seed → random_seed})
 * @param drop fields the upstream rejects and that Warden removes by documented policy; every removal is reported
 *             through {@link dev.warden.provider.CallNotes#droppedParam}, never silent
 * @param defaults fields added, verbatim, when the request has no field of that (upstream) name
 * @param developerRole whether the upstream accepts {@code "role": "developer"}; if not, developer messages are
 *                      sent as {@code system}, which is what the developer role replaced
 * @param supportsStreamUsage whether {@code stream_options.include_usage} is accepted; when true Warden always asks
 *                            for usage on streams, because budgets need it
 * @param supportsCompletions whether {@code /completions} (legacy text completions) exists
 * @param supportsEmbeddings whether {@code /embeddings} exists
 */
public record Dialect(
        String name,
        Map<String, String> rename,
        Set<String> drop,
        Map<String, RawJson> defaults,
        boolean developerRole,
        boolean supportsStreamUsage,
        boolean supportsCompletions,
        boolean supportsEmbeddings) {

    public Dialect {
        Objects.requireNonNull(name, "name");
        rename = Map.copyOf(rename);
        drop = Set.copyOf(drop);
        defaults = Map.copyOf(defaults);
        for (var dropped : drop) {
            if (rename.containsKey(dropped)) {
                throw new IllegalArgumentException(
                        "dialect '" + name + "': parameter '" + dropped + "' is both renamed and dropped");
            }
        }
    }

    /** The upstream's name for an OpenAI field. */
    String upstreamName(String field) {
        return rename.getOrDefault(field, field);
    }
}
