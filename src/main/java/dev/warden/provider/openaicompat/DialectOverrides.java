package dev.warden.provider.openaicompat;

import dev.warden.llm.RawJson;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A configured dialect as data: a base preset plus changes. Maps and sets are merged onto the base's (an entry here
 * wins); a null flag keeps the base's value. See {@link Dialects#custom}.
 *
 * @param base the preset to start from ({@code generic} when null)
 * @param undrop preset drops to cancel (a newer upstream version that accepts the field again)
 */
public record DialectOverrides(
        @Nullable String base,
        Map<String, String> rename,
        Set<String> drop,
        Set<String> undrop,
        Map<String, RawJson> defaults,
        @Nullable Boolean developerRole,
        @Nullable Boolean supportsStreamUsage,
        @Nullable Boolean supportsCompletions,
        @Nullable Boolean supportsEmbeddings) {

    public static final DialectOverrides NONE =
            new DialectOverrides(null, Map.of(), Set.of(), Set.of(), Map.of(), null, null, null, null);

    public DialectOverrides {
        rename = Map.copyOf(rename);
        drop = Set.copyOf(drop);
        undrop = Set.copyOf(undrop);
        defaults = Map.copyOf(defaults);
    }
}
