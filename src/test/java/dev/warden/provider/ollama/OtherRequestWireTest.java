package dev.warden.provider.ollama;

import dev.warden.provider.UnsupportedParams;
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
    private final UnsupportedParams refusing = new UnsupportedParams(false, notes);
    private final UnsupportedParams dropping = new UnsupportedParams(true, notes);

    @Test
    void embedSeveralInputsWithDimensionsAndOllamaExtras() {
        var request = new EmbeddingRequest("nomic-embed-text", List.of("Why is the sky blue?",
                "Why is the grass green?"), null, "base64", 4, null, Map.of("truncate", RawJson.of("false")));
        assertJson(EmbedWire.toWire(request, new OllamaSettings("10m", Map.of()), refusing), "request/embed.json");
    }

    @Test
    void embedOneInputAsAString() {
        var request = new EmbeddingRequest("nomic-embed-text", List.of("Why is the sky blue?"), null, null, null,
                "u-1", Map.of());
        assertJson(EmbedWire.toWire(request, OllamaSettings.DEFAULTS, refusing), "request/embed-single.json");
        assertThat(notes.droppedParams()).containsExactly("user");
    }

    @Test
    void embedRefusesTokenInputsAndForeignExtras() {
        var tokens = new EmbeddingRequest("m", List.of(), RawJson.of("[[1,2,3]]"), null, null, null, Map.of());
        assertThatThrownBy(() -> EmbedWire.toWire(tokens, OllamaSettings.DEFAULTS, refusing))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(((ApiError.InvalidRequest) e.error()).param()).isEqualTo("input"));
        var foreign = new EmbeddingRequest("m", List.of("x"), null, null, null, null,
                Map.of("input_type", RawJson.of("\"query\"")));
        assertThatThrownBy(() -> EmbedWire.toWire(foreign, OllamaSettings.DEFAULTS, refusing))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(((ApiError.InvalidRequest) e.error()).param()).isEqualTo("input_type"));
    }

    @Test
    void generateWithSuffixRawAndOptions() {
        var request = new CompletionRequest("codellama:code", List.of("def compute_gcd(a, b):"),
                new Sampling(0.0, null, 64, List.of(), null, null, null, null, null), false, false, null,
                Map.of("suffix", RawJson.of("\"    return result\""), "raw", RawJson.of("true")));
        assertJson(GenerateWire.toWire(request, false, OllamaSettings.DEFAULTS, refusing), "request/generate.json");
    }

    @Test
    void generateTakesExactlyOnePrompt() {
        var request = new CompletionRequest("m", List.of("a", "b"), Sampling.DEFAULTS, false, false, null, Map.of());
        assertThatThrownBy(() -> GenerateWire.toWire(request, true, OllamaSettings.DEFAULTS, refusing))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(((ApiError.InvalidRequest) e.error()).param()).isEqualTo("prompt"));
    }

    @Test
    void underDropUnsupportedParamsForeignExtrasOfEmbedAndGenerateAreDroppedAndReported() {
        var embed = new EmbeddingRequest("nomic-embed-text", List.of("Why is the sky blue?"), null, null, null,
                null, Map.of("input_type", RawJson.of("\"query\"")));
        assertJson(EmbedWire.toWire(embed, OllamaSettings.DEFAULTS, dropping), "request/embed-single.json");
        assertThat(notes.droppedParams()).containsExactly("input_type");
        var generate = new CompletionRequest("codellama:code", List.of("def compute_gcd(a, b):"),
                new Sampling(0.0, null, 64, List.of(), null, null, null, null, null), false, false, null,
                Map.of("suffix", RawJson.of("\"    return result\""), "raw", RawJson.of("true"),
                        "best_of", RawJson.of("3")));
        assertJson(GenerateWire.toWire(generate, false, OllamaSettings.DEFAULTS, dropping), "request/generate.json");
        assertThat(notes.droppedParams()).containsExactly("input_type", "best_of");
    }

    @Test
    void withoutDropUnsupportedParamsAForeignGenerateExtraIsRefusedNamingIt() {
        var request = new CompletionRequest("m", List.of("a"), Sampling.DEFAULTS, false, false, null,
                Map.of("best_of", RawJson.of("3")));
        assertThatThrownBy(() -> GenerateWire.toWire(request, false, OllamaSettings.DEFAULTS, refusing))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(((ApiError.InvalidRequest) e.error()).param()).isEqualTo("best_of"));
        assertThat(notes.droppedParams()).isEmpty();
    }
}
