package dev.warden.api.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.llm.ApiError;
import dev.warden.llm.ChatResponse;
import dev.warden.llm.Choice;
import dev.warden.llm.ContentPart;
import dev.warden.llm.Embedding;
import dev.warden.llm.EmbeddingResponse;
import dev.warden.llm.FinishReason;
import dev.warden.llm.Message;
import dev.warden.llm.ModelInfo;
import dev.warden.llm.Role;
import dev.warden.llm.StreamEvent;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.Usage;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every line Warden writes, parsed as JSON and checked against what Ollama's own clients require of it: the
 * pydantic models of ollama-python ({@code ChatResponse}, {@code GenerateResponse}, {@code EmbedResponse},
 * {@code ListResponse}, {@code ShowResponse}, whose {@code model_info} has no default), the response interfaces of
 * ollama-js (the final line carries every count and duration) and the Go client behind the ollama CLI
 * ({@code created_at} is a {@code time.Time} in RFC 3339, durations are integer nanoseconds, an {@code error} field
 * on any line is an error).
 */
class ClientContractTest {
    private static final Set<String> ROLES = Set.of("user", "assistant", "system", "tool");
    private static final List<String> DONE_FIELDS = List.of("done_reason", "total_duration", "load_duration",
            "prompt_eval_count", "prompt_eval_duration", "eval_count", "eval_duration");

    private final OllamaCodec codec = OllamaCodec.create(Fixtures.stepping(7));

    @Test
    void everyChatStreamLineIsAValidChatResponse() {
        var out = new ChatStreamTest.FlushRecorder();
        var stream = OllamaChatStream.create(codec, out, "llama3.2");
        stream.accept(new StreamEvent.Start("c", "claude-sonnet-4", 1));
        stream.accept(new StreamEvent.ReasoningDelta(0, "Weather needs a tool."));
        stream.accept(new StreamEvent.TextDelta(0, "Checking…"));
        stream.accept(new StreamEvent.ToolCallStart(0, 0, "toolu_1", "get_current_weather"));
        stream.accept(new StreamEvent.ToolCallDelta(0, 0, "{\"location\":\"Paris, FR\",\"days\":[1,2]}"));
        stream.accept(new StreamEvent.Finish(0, FinishReason.TOOL_CALLS));
        stream.accept(new StreamEvent.UsageReport(Usage.of(50, 20), null));
        stream.finish(new StreamOutcome.Complete(Usage.of(50, 20)));

        assertThat(out.flushes).hasSize(4);
        for (String line : out.flushes) {
            chatResponse(Fixtures.parse(line));
        }
        JsonNode done = Fixtures.parse(out.flushes.getLast());
        assertThat(done.get("done").booleanValue()).isTrue();
        finalLine(done);
        assertThat(out.flushes.subList(0, 3)).allSatisfy(l -> assertThat(Fixtures.parse(l).get("done").booleanValue())
                .isFalse());
    }

    @Test
    void everyGenerateStreamLineIsAValidGenerateResponse() {
        var out = new ChatStreamTest.FlushRecorder();
        var stream = OllamaGenerateStream.create(codec, out, "llama3.2");
        stream.accept(new StreamEvent.ReasoningDelta(0, "hm"));
        stream.accept(new StreamEvent.TextDelta(0, "Blue."));
        stream.accept(new StreamEvent.Finish(0, FinishReason.STOP));
        stream.finish(new StreamOutcome.Complete(Usage.of(4, 2)));

        assertThat(out.flushes).hasSize(3);
        for (String line : out.flushes) {
            generateResponse(Fixtures.parse(line));
        }
        finalLine(Fixtures.parse(out.flushes.getLast()));
    }

    @Test
    void brokenStreamsEndWithALineTheClientsRaise() {
        var out = new ChatStreamTest.FlushRecorder();
        var stream = OllamaChatStream.create(codec, out, "llama3.2");
        stream.accept(new StreamEvent.TextDelta(0, "par"));
        stream.finish(new StreamOutcome.Failed(null, new ApiError.UpstreamTimeout("The upstream did not answer in time.")));

        JsonNode last = Fixtures.parse(out.flushes.getLast());
        assertThat(last.get("error").isTextual()).isTrue();
        assertThat(last.size()).isEqualTo(1);
    }

    @Test
    void singleAnswersAreValid() {
        var message = new Message(Role.ASSISTANT, List.of(new ContentPart.Thinking("t", null), new ContentPart.Text("a"),
                new ContentPart.ToolCall("c", "f", "{\"x\":1}")), null);
        var response = new ChatResponse("id", "llama3.2", 1, List.of(new Choice(0, message, FinishReason.TOOL_CALLS)),
                Usage.of(9, 8), null);

        JsonNode chat = Fixtures.tree(codec.encodeChat(response, OllamaTimings.measured(900, 100)));
        chatResponse(chat);
        finalLine(chat);
        JsonNode generate = Fixtures.tree(codec.encodeGenerate(response));
        generateResponse(generate);
        finalLine(generate);

        var load = codec.decodeChat(Fixtures.utf8("{\"model\":\"llama3.2\"}"));
        chatResponse(Fixtures.tree(codec.encodeChatLoad(load)));
        generateResponse(Fixtures.tree(codec.encodeGenerateLoad(codec.decodeGenerate(Fixtures.utf8("{\"model\":\"m\"}")))));
    }

    @Test
    void embeddingsTagsShowVersionAndErrorsAreValid() {
        var embeddings = new EmbeddingResponse("all-minilm", List.of(new Embedding(0, new float[] {0.1f, 0.2f}),
                new Embedding(1, new float[] {0.3f, 0.4f})), Usage.of(6, 0));
        JsonNode embed = Fixtures.tree(codec.encodeEmbed(embeddings));
        assertThat(embed.get("model").isTextual()).isTrue();
        assertThat(embed.get("embeddings")).hasSize(2).allSatisfy(v -> assertThat(v).hasSize(2)
                .allSatisfy(x -> assertThat(x.isNumber()).isTrue()));
        assertThat(embed.get("prompt_eval_count").canConvertToLong()).isTrue();
        assertThat(Fixtures.tree(codec.encodeLegacyEmbeddings(embeddings)).get("embedding")).hasSize(2)
                .allSatisfy(x -> assertThat(x.isNumber()).isTrue());

        JsonNode tags = Fixtures.tree(codec.encodeTags(List.of(new ModelInfo("llama3.2", "o", 1717511911))));
        assertThat(tags.get("models")).hasSize(1).allSatisfy(model -> {
            assertThat(model.get("name").isTextual()).isTrue();
            assertThat(model.get("model").isTextual()).isTrue();
            rfc3339(model.get("modified_at"));
            assertThat(model.get("size").isIntegralNumber()).isTrue();
            assertThat(model.get("digest").isTextual()).isTrue();
            details(model.get("details"));
        });

        JsonNode show = Fixtures.tree(codec.encodeShow(new ModelInfo("llama3.2", "o", 0)));
        assertThat(show.get("model_info").isObject()).as("required by ollama-python's ShowResponse").isTrue();
        for (String field : List.of("modelfile", "parameters", "template")) {
            assertThat(show.get(field).isTextual()).as(field).isTrue();
        }
        details(show.get("details"));
        assertThat(show.get("capabilities")).allSatisfy(c -> assertThat(c.isTextual()).isTrue());
        rfc3339(show.get("modified_at"));

        assertThat(Fixtures.tree(codec.encodeVersion("0.12.0")).get("version").isTextual()).isTrue();
        JsonNode error = Fixtures.tree(codec.encodeError(new ApiError.RateLimited("Slow down.", 3L)));
        assertThat(error.get("error").asText()).isEqualTo("Slow down.");
    }

    /** ollama-python's ChatResponse and Message; ollama-js's ToolCall. */
    private static void chatResponse(JsonNode line) {
        common(line);
        JsonNode message = line.get("message");
        assertThat(message).as("message is required").isNotNull();
        assertThat(ROLES).contains(message.get("role").asText());
        assertThat(message.get("content").isTextual()).isTrue();
        if (message.has("thinking")) {
            assertThat(message.get("thinking").isTextual()).isTrue();
        }
        if (message.has("tool_calls")) {
            assertThat(message.get("tool_calls")).isNotEmpty().allSatisfy(call -> {
                assertThat(call.at("/function/name").isTextual()).isTrue();
                assertThat(call.at("/function/arguments").isObject()).as("arguments is a mapping").isTrue();
            });
        }
    }

    private static void generateResponse(JsonNode line) {
        common(line);
        assertThat(line.get("response").isTextual()).as("response is required").isTrue();
    }

    private static void common(JsonNode line) {
        assertThat(line.has("error")).isFalse();
        assertThat(line.get("model").isTextual()).isTrue();
        rfc3339(line.get("created_at"));
        assertThat(line.get("done").isBoolean()).isTrue();
    }

    /** ollama-js declares every count and duration on a response; Go's time.Duration is integer nanoseconds. */
    private static void finalLine(JsonNode line) {
        assertThat(line.get("done").booleanValue()).isTrue();
        assertThat(line.get("done_reason").isTextual()).isTrue();
        for (String field : DONE_FIELDS.subList(1, DONE_FIELDS.size())) {
            assertThat(line.get(field)).as(field).isNotNull();
            assertThat(line.get(field).isIntegralNumber() && line.get(field).asLong() >= 0).as(field).isTrue();
        }
    }

    private static void details(JsonNode details) {
        for (String field : List.of("parent_model", "format", "family", "parameter_size", "quantization_level")) {
            assertThat(details.get(field).isTextual()).as(field).isTrue();
        }
        assertThat(details.get("families").isArray()).isTrue();
    }

    /** Go's time.Time.UnmarshalJSON takes RFC 3339; this is the same grammar with an offset required. */
    private static void rfc3339(JsonNode value) {
        assertThat(value.isTextual()).isTrue();
        assertThat(OffsetDateTime.parse(value.textValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)).isNotNull();
        assertThat(value.textValue()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
    }
}
