package dev.warden.provider.gemini;

import static dev.warden.provider.gemini.Fixtures.assertJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import dev.warden.llm.EmbeddingRequest;
import dev.warden.llm.RawJson;
import dev.warden.llm.Usage;
import dev.warden.provider.CallNotes;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddingWireTest {
    private final CallNotes notes = new CallNotes();

    @Test
    void singleAndBatchBodies() {
        var request = new EmbeddingRequest("gemini-embedding-001", List.of("alpha", "beta gamma"), null, null, 256,
                null, Map.of("taskType", RawJson.of("\"RETRIEVAL_DOCUMENT\"")));
        EmbeddingWire.check(request, Fixtures.strict(notes));
        assertJson(EmbeddingWire.single(request, "alpha"), "request/embed-single.json");
        assertJson(EmbeddingWire.batch(request, "models/gemini-embedding-001"), "request/embed-batch.json");
    }

    @Test
    void responsesAndTheEstimatedUsage() throws IOException {
        var single = EmbeddingWire.fromSingle(Fixtures.bytes("response/embed-single.json"));
        assertThat(single.vector()).containsExactly(0.013168523f, -0.008711934f, -0.046782676f);
        assertThat(single.promptTokens()).isEqualTo(-1);
        var batch = EmbeddingWire.fromBatch(Fixtures.bytes("response/embed-batch.json"), 2);
        assertThat(batch).hasSize(2);
        assertThat(batch.get(1)).containsExactly(-1.0f, 2.0f);
        assertThatThrownBy(() -> EmbeddingWire.fromBatch(Fixtures.bytes("response/embed-batch.json"), 3))
                .isInstanceOf(IOException.class);
        // ceil(5/4) + ceil(10/4) + ceil(0/4)
        assertThat(EmbeddingWire.estimate(List.of("alpha", "beta gamma", ""))).isEqualTo(new Usage(5, 0, 0, 0, true));
    }

    @Test
    void whatGeminiEmbeddingsCannotTakeIsRefused() {
        var tokens = new EmbeddingRequest("m", List.of(), RawJson.of("[[1,2]]"), null, null, null, Map.of());
        assertThatThrownBy(() -> EmbeddingWire.check(tokens, Fixtures.strict(notes)))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(((ApiError.InvalidRequest) e.error()).param()).isEqualTo("input"));
        var user = new EmbeddingRequest("m", List.of("x"), null, null, null, "u1", Map.of());
        assertThatThrownBy(() -> EmbeddingWire.check(user, Fixtures.strict(notes))).isInstanceOf(ApiException.class);
        var foreign = new EmbeddingRequest("m", List.of("x"), null, null, null, null, Map.of("truncate",
                RawJson.of("\"END\"")));
        assertThatThrownBy(() -> EmbeddingWire.check(foreign, Fixtures.strict(notes)))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(((ApiError.InvalidRequest) e.error()).param()).isEqualTo("truncate"));
        EmbeddingWire.check(user, new Unsupported(true, notes));
        assertThat(notes.droppedParams()).containsExactly("user");
    }
}
