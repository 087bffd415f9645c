package dev.warden.provider.ollama;

import dev.warden.llm.RawJson;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an Ollama deployment adds to its {@link dev.warden.provider.Endpoint}.
 *
 * @param keepAlive how long Ollama keeps the model loaded after a call (a Go duration: {@code "5m"}, {@code "24h"}, {@code "-1m"} for ever, {@code "0"} to unload at once); sent
 *                  as {@code keep_alive} unless the request names its own; null leaves Ollama's default
 * @param defaultOptions model options ({@code num_ctx}, {@code temperature}, ...) sent with every call; what the
 *                       request sets wins, key by key
 */
public record OllamaSettings(@Nullable String keepAlive, Map<String, RawJson> defaultOptions) {
    public static final OllamaSettings DEFAULTS = new OllamaSettings(null, Map.of());

    public OllamaSettings {
        defaultOptions = Map.copyOf(defaultOptions);
    }
}
