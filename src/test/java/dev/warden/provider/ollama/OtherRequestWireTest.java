package dev.warden.provider.ollama;

import static dev.warden.provider.ollama.Fixtures.assertJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import dev.warden.llm.CompletionRequest;
import dev.warden.llm.EmbeddingRequest;
import dev.warden.llm.RawJson;
import dev.warden.llm.Sampling;
import dev.warden.provider.CallNotes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Canonical embedding and completion requests → /api/embed and /api/generate bodies. */
class OtherRequestWireTest {
    private final CallNotes notes = new CallNotes();

    @Test
    void embedSeveralInputsWithDimensionsAndOllamaExtras() {
        var request = new EmbeddingRequest("nomic-embed-text", List.of("Why is the sky blue?",
                "Why is the grass green?"), null, "base64", 4, null, Map.of("truncate", RawJson.of("false")));
        assertJson(EmbedWire.toWire(request, new OllamaSettings("10m", Map.of()), notes), "request/embed.json");
    }

    @Test
    void embedOneInputAsAString() {
        var request = new EmbeddingRequest("nomic-embed-text", List.of("Why is the sky blue?"), null, null, null,
                "u-1", Map.of());
        assertJson(EmbedWire.toWire(request, OllamaSettings.DEFAULTS, notes), "request/embed-single.json");
        assertThat(notes.droppedParams()).containsExactly("user");
    }

    @Test
    void embedRefusesTokenInputsAndForeignExtras() {
        var tokens = new EmbeddingRequest("m", List.of(), RawJson.of("[[1,2,3]]"), null, null, null, Map.of());
        assertThatThrownBy(() -> EmbedWire.toWire(tokens, OllamaSettings.DEFAULTS, notes))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(((ApiError.InvalidRequest) e.error()).param()).isEqualTo("input"));
        var foreign = new EmbeddingRequest("m", List.of("x"), null, null, null, null,
                Map.of("input_type", RawJson.of("\"query\"")));
        assertThatThrownBy(() -> EmbedWire.toWire(foreign, OllamaSettings.DEFAULTS, notes))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(((ApiError.InvalidRequest) e.error()).param()).isEqualTo("input_type"));
    }

    @Test
    void generateWithSuffixRawAndOptions() {
        var request = new CompletionRequest("codellama:code", List.of("def compute_gcd(a, b):"),
                new Sampling(0.0, null, 64, List.of(), null, null, null, null, null), false, false, null,
                Map.of("suffix", RawJson.of("\"    return result\""), "raw", RawJson.of("true")));
        assertJson(GenerateWire.toWire(request, false, OllamaSettings.DEFAULTS, notes), "request/generate.json");
    }

    @Test
    void generateTakesExactlyOnePrompt() {
        var request = new CompletionRequest("m", List.of("a", "b"), Sampling.DEFAULTS, false, false, null, Map.of());
        assertThatThrownBy(() -> GenerateWire.toWire(request, true, OllamaSettings.DEFAULTS, notes))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(((ApiError.InvalidRequest) e.error()).param()).isEqualTo("prompt"));
    }
}
