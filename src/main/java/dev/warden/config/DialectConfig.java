package dev.warden.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How an OpenAI-compatible upstream deviates from the OpenAI request format. YAML key {@code dialect} of a
 * deployment: either a preset name ({@code dialect: vllm}) or a mapping that starts from an optional preset and
 * overrides it.
 *
 * @param preset one of {@link #PRESETS} (key {@code preset}), or null for no preset
 * @param rename request parameters to rename, old name to new name (key {@code rename})
 * @param drop request parameters to remove before sending, reported to the client (key {@code drop})
 * @param defaults parameter values to add when the client did not send them, each as JSON text, e.g.
 *                 {@code "0.7"}, {@code "\"auto\""} or {@code "true"} (key {@code defaults})
 */
public record DialectConfig(@Nullable String preset, Map<String, String> rename, List<String> drop,
        Map<String, String> defaults) {

    /** The preset names the openai-compatible dialect table knows. */
    public static final List<String> PRESETS = List.of("openai", "vllm", "sglang", "trtllm", "llamacpp", "lmstudio",
            "groq", "mistral", "together", "deepseek", "openrouter", "generic");

    public DialectConfig {
        if (preset != null && !PRESETS.contains(preset)) {
            throw new IllegalArgumentException("unknown dialect preset: " + preset);
        }
        // Insertion order is kept so the config reads back the way it was written.
        rename = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(rename, "rename")));
        drop = List.copyOf(drop);
        defaults = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(defaults, "defaults")));
    }

    /** A dialect that is just the named preset. */
    public static DialectConfig preset(String preset) {
        return new DialectConfig(preset, Map.of(), List.of(), Map.of());
    }
}
