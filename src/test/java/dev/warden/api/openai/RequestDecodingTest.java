package dev.warden.api.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.llm.CompletionRequest;
import dev.warden.llm.EmbeddingRequest;
import dev.warden.llm.RawJson;
import dev.warden.llm.Sampling;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Legacy completions and embeddings; chat has its own test class. */
class RequestDecodingTest {
    private final OpenAiCodec codec = OpenAiCodec.create();

    @Test
    void decodesLegacyCompletionWithExtras() {
        CompletionRequest request = codec.decodeCompletion(Fixtures.utf8("""
                {"model":"gpt-3.5-turbo-instruct","prompt":["Say this","Say that"],"max_tokens":7,
                 "temperature":0,"top_p":1,"stop":"\\n","seed":3,"n":1,"stream":true,
                 "stream_options":{"include_usage":true},"user":"u","presence_penalty":0.1,
                 "frequency_penalty":0.2,"echo":true,"best_of":2,"suffix":"!","logprobs":5}
                """));

        assertThat(request.model()).isEqualTo("gpt-3.5-turbo-instruct");
        assertThat(request.prompts()).containsExactly("Say this", "Say that");
        assertThat(request.sampling()).isEqualTo(new Sampling(0.0, 1.0, 7, List.of("\n"), 3L, 0.1, 0.2, 1, null));
        assertThat(request.stream()).isTrue();
        assertThat(request.includeUsage()).isTrue();
        assertThat(request.user()).isEqualTo("u");
        assertThat(request.extra()).isEqualTo(Map.of("echo", RawJson.of("true"), "best_of", RawJson.of("2"),
                "suffix", RawJson.of("\"!\""), "logprobs", RawJson.of("5")));
    }

    @Test
    void legacyCompletionTreatsMaxCompletionTokensAsUnknown() {
        CompletionRequest request = codec.decodeCompletion(Fixtures.utf8(
                "{\"model\":\"m\",\"prompt\":\"p\",\"max_completion_tokens\":5}"));

        assertThat(request.prompts()).containsExactly("p");
        assertThat(request.sampling().maxTokens()).isNull();
        assertThat(request.extra()).containsEntry("max_completion_tokens", RawJson.of("5"));
    }

    @Test
    void decodesTextEmbeddings() {
        EmbeddingRequest request = codec.decodeEmbeddings(Fixtures.utf8("""
                {"model":"text-embedding-3-small","input":["a","b"],"encoding_format":"base64",
                 "dimensions":256,"user":"u","priority":"low"}
                """));

        assertThat(request.inputs()).containsExactly("a", "b");
        assertThat(request.tokenInputs()).isNull();
        assertThat(request.encodingFormat()).isEqualTo("base64");
        assertThat(request.dimensions()).isEqualTo(256);
        assertThat(request.user()).isEqualTo("u");
        assertThat(request.extra()).isEqualTo(Map.of("priority", RawJson.of("\"low\"")));
    }

    @Test
    void decodesSingleStringEmbedding() {
        EmbeddingRequest request = codec.decodeEmbeddings(Fixtures.utf8("{\"model\":\"e\",\"input\":\"hello\"}"));

        assertThat(request.inputs()).containsExactly("hello");
        assertThat(request.encodingFormat()).isNull();
        assertThat(request.dimensions()).isNull();
    }

    @Test
    void keepsTokenArrayEmbeddingsAsRawJson() {
        EmbeddingRequest flat = codec.decodeEmbeddings(Fixtures.utf8("{\"model\":\"e\",\"input\":[1, 2, 3]}"));
        EmbeddingRequest nested = codec.decodeEmbeddings(Fixtures.utf8(
                "{\"model\":\"e\",\"input\":[[1,2],[3]]}"));

        assertThat(flat.inputs()).isEmpty();
        assertThat(flat.tokenInputs()).isEqualTo(RawJson.of("[1,2,3]"));
        assertThat(nested.inputs()).isEmpty();
        assertThat(nested.tokenInputs()).isEqualTo(RawJson.of("[[1,2],[3]]"));
    }
}
