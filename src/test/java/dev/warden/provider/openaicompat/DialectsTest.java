package dev.warden.provider.openaicompat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DialectsTest {

    @Test
    void everyPresetIsFoundByName() {
        for (var name : Set.of("openai", "vllm", "sglang", "trtllm", "llamacpp", "lmstudio", "groq", "mistral",
                "together", "deepseek", "openrouter", "generic", "azure")) {
            assertThat(Dialects.byName(name)).get().extracting(Dialect::name).isEqualTo(name);
        }
        assertThat(Dialects.byName("nope")).isEmpty();
    }

    @Test
    void presetsCarryOnlyDocumentedDifferences() {
        assertThat(Dialects.OPENAI.rename()).containsExactly(Map.entry("max_tokens", "max_completion_tokens"));
        assertThat(Dialects.OPENAI.developerRole()).isTrue();
        assertThat(Dialects.MISTRAL.rename()).containsExactly(Map.entry("seed", "random_seed"));
        assertThat(Dialects.VLLM.developerRole()).isFalse();
        assertThat(Dialects.GROQ.supportsEmbeddings()).isFalse();
        assertThat(Dialects.names()).allSatisfy(n -> assertThat(Dialects.byName(n).orElseThrow().drop()).isEmpty());
    }

    @Test
    void customMergesOntoTheBase() {
        var dialect = Dialects.custom("mine", new DialectOverrides("openai", Map.of("seed", "rng_seed"),
                Set.of("user"), Set.of(), Map.of(), true, false, null, false));
        assertThat(dialect.rename()).containsOnly(Map.entry("max_tokens", "max_completion_tokens"),
                Map.entry("seed", "rng_seed"));
        assertThat(dialect.drop()).containsExactly("user");
        assertThat(dialect.supportsStreamUsage()).isFalse();
        assertThat(dialect.supportsCompletions()).isTrue();
        assertThat(dialect.supportsEmbeddings()).isFalse();
        assertThat(Dialects.custom("plain", DialectOverrides.NONE)).isEqualTo(new Dialect("plain", Map.of(),
                Set.of(), Map.of(), false, true, true, true));
    }

    @Test
    void customRejectsAnUnknownBaseAndContradictions() {
        assertThatThrownBy(() -> Dialects.custom("x", new DialectOverrides("openia", Map.of(), Set.of(), Set.of(),
                Map.of(), null, null, null, null))).hasMessageContaining("unknown base 'openia'");
        assertThatThrownBy(() -> Dialects.custom("x", new DialectOverrides("openai", Map.of(), Set.of("max_tokens"),
                Set.of(), Map.of(), null, null, null, null))).hasMessageContaining("both renamed and dropped");
    }
}
