package dev.warden.provider.openaicompat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The built-in dialect presets, and custom dialects built from configuration.
 *
 * <p>Entries are deliberately few: a rename or drop is only listed when the upstream's documentation says so. A wrong
 * entry silently changes what reaches the model, whereas a missing one surfaces as an upstream 400 that names the
 * field; operators can add entries with {@link #custom}. Developer messages are sent as {@code system} everywhere but
 * OpenAI, since self-hosted chat templates generally know only system/user/assistant/tool.
 */
public final class Dialects {

    /** OpenAI: {@code max_tokens} is deprecated for chat and rejected by o-series models. */
    public static final Dialect OPENAI = new Dialect("openai", Map.of("max_tokens", "max_completion_tokens"),
            Set.of(), Map.of(), true, true, true, true);
    public static final Dialect VLLM = plain("vllm", true, true, true);
    public static final Dialect SGLANG = plain("sglang", true, true, true);
    /** trtllm-serve has chat and completions but no embeddings endpoint. */
    public static final Dialect TRTLLM = plain("trtllm", true, true, false);
    public static final Dialect LLAMACPP = plain("llamacpp", true, true, true);
    public static final Dialect LMSTUDIO = plain("lmstudio", true, true, true);
    /** Groq: chat only; usage on streams via stream_options (also repeated in x_groq.usage). */
    public static final Dialect GROQ = plain("groq", true, false, false);
    /** Mistral: the seed is called {@code random_seed}; usage arrives on the last chunk unasked. */
    public static final Dialect MISTRAL = new Dialect("mistral", Map.of("seed", "random_seed"), Set.of(), Map.of(),
            false, false, false, true);
    /** Together sends usage on the final chunk unasked. */
    public static final Dialect TOGETHER = plain("together", false, true, true);
    /** DeepSeek: chat only on the standard base URL (FIM completions live under /beta). */
    public static final Dialect DEEPSEEK = plain("deepseek", true, false, false);
    /** OpenRouter reports usage on the final chunk itself. */
    public static final Dialect OPENROUTER = plain("openrouter", false, true, false);
    /** Any other OpenAI-compatible server: nothing renamed or dropped, every endpoint tried. */
    public static final Dialect GENERIC = plain("generic", true, true, true);
    /** Azure OpenAI: older api-versions lack max_completion_tokens, so nothing is renamed. */
    public static final Dialect AZURE = plain("azure", true, true, true);

    private static final Map<String, Dialect> PRESETS = List.of(OPENAI, VLLM, SGLANG, TRTLLM, LLAMACPP, LMSTUDIO,
            GROQ, MISTRAL, TOGETHER, DEEPSEEK, OPENROUTER, GENERIC, AZURE).stream()
            .collect(Collectors.toUnmodifiableMap(Dialect::name, Function.identity()));

    private Dialects() {}

    public static Optional<Dialect> byName(String name) {
        return Optional.ofNullable(PRESETS.get(name));
    }

    public static Set<String> names() {
        return PRESETS.keySet();
    }

    /**
     * A dialect built from configuration.
     *
     * @throws IllegalArgumentException naming the unknown base preset, or a field both renamed and dropped
     */
    public static Dialect custom(String name, DialectOverrides overrides) {
        var baseName = overrides.base() == null ? GENERIC.name() : overrides.base();
        var base = byName(baseName).orElseThrow(() -> new IllegalArgumentException(
                "dialect '" + name + "': unknown base '" + baseName + "', expected one of " + names()));
        var rename = new HashMap<>(base.rename());
        rename.putAll(overrides.rename());
        var drop = new HashSet<>(base.drop());
        drop.removeAll(overrides.undrop());
        drop.addAll(overrides.drop());
        var defaults = new HashMap<>(base.defaults());
        defaults.putAll(overrides.defaults());
        return new Dialect(name, rename, drop, defaults,
                orElse(overrides.developerRole(), base.developerRole()),
                orElse(overrides.supportsStreamUsage(), base.supportsStreamUsage()),
                orElse(overrides.supportsCompletions(), base.supportsCompletions()),
                orElse(overrides.supportsEmbeddings(), base.supportsEmbeddings()));
    }

    private static Dialect plain(String name, boolean streamUsage, boolean completions, boolean embeddings) {
        return new Dialect(name, Map.of(), Set.of(), Map.of(), false, streamUsage, completions, embeddings);
    }

    private static boolean orElse(@Nullable Boolean value, boolean fallback) {
        return value == null ? fallback : value;
    }
}
