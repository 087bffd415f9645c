package dev.warden.api.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.openai.core.ObjectMappers;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.completions.Completion;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.models.Model;
import dev.warden.llm.ChatResponse;
import dev.warden.llm.CompletionResponse;
import dev.warden.llm.EmbeddingResponse;
import dev.warden.llm.FinishReason;
import dev.warden.llm.ModelInfo;
import dev.warden.llm.Usage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Parses Warden's output with the official OpenAI Java SDK's own mapper and strict validation: the proof that
 * clients can read what the codec writes, beyond matching our own fixtures.
 */
class OfficialSdkCompatibilityTest {
    private final OpenAiCodec codec = OpenAiCodec.create();
    private final JsonMapper sdk = ObjectMappers.jsonMapper();

    @Test
    void sdkReadsChatCompletionWithToolCallsAndUsageDetails() throws IOException {
        ChatResponse answer = ResponseEncodingTest.toolCallAnswer();
        ChatCompletion completion = sdk.readValue(codec.encodeChat(answer), ChatCompletion.class).validate();

        var message = completion.choices().getFirst().message();
        assertThat(message.content()).isEmpty();
        assertThat(message.toolCalls().orElseThrow()).hasSize(2);
        var call = message.toolCalls().orElseThrow().getFirst().asFunction();
        assertThat(call.id()).isEqualTo("call_a");
        assertThat(call.function().name()).isEqualTo("get_weather");
        assertThat(call.function().arguments()).isEqualTo("{\"city\":\"Paris\"}");
        assertThat(message._additionalProperties()).containsKey("reasoning_content");
        assertThat(completion.choices().getFirst().finishReason().asString()).isEqualTo("tool_calls");
        var usage = completion.usage().orElseThrow();
        assertThat(usage.promptTokensDetails().orElseThrow().cachedTokens()).contains(64L);
        assertThat(usage.completionTokensDetails().orElseThrow().reasoningTokens()).contains(30L);
    }

    /** Regression: an unknown finish reason used to be written as null, which the SDK's validation rejects. */
    @Test
    void anUnknownFinishReasonIsWrittenAsStopSoTheSdkAcceptsIt() throws IOException {
        ChatCompletion completion = sdk.readValue(codec.encodeChat(ResponseEncodingTest.toolCallAnswer()),
                ChatCompletion.class).validate();

        assertThat(completion.isValid()).isTrue();
        assertThat(completion.choices().get(1).finishReason().asString()).isEqualTo("stop");
    }

    @Test
    void sdkReadsTextChatCompletion() throws IOException {
        ChatCompletion completion = sdk.readValue(codec.encodeChat(ResponseEncodingTest.textAnswer()),
                ChatCompletion.class).validate();

        assertThat(completion.choices().getFirst().message().content()).contains("Hello! How can I help you today?");
        assertThat(completion.systemFingerprint()).contains("fp_06737a9306");
    }

    @Test
    void sdkReadsEveryStreamedChunk() throws IOException {
        var out = new ChatStreamTest.FlushRecorder();
        var stream = OpenAiChatStream.create(codec, out, true);
        stream.accept(new dev.warden.llm.StreamEvent.Start("chatcmpl-x", "gpt-4o", 1));
        stream.accept(new dev.warden.llm.StreamEvent.TextDelta(0, "Hi"));
        stream.accept(new dev.warden.llm.StreamEvent.ToolCallStart(0, 0, "call_1", "f"));
        stream.accept(new dev.warden.llm.StreamEvent.ToolCallDelta(0, 0, "{}"));
        stream.accept(new dev.warden.llm.StreamEvent.Finish(0, FinishReason.TOOL_CALLS));
        stream.accept(new dev.warden.llm.StreamEvent.UsageReport(Usage.of(3, 4), "fp"));
        stream.finish(new dev.warden.llm.StreamOutcome.Complete(Usage.of(3, 4)));

        var chunks = new ArrayList<ChatCompletionChunk>();
        for (String event : out.events()) {
            if (!event.equals("data: [DONE]")) {
                chunks.add(sdk.readValue(event.substring("data: ".length()), ChatCompletionChunk.class).validate());
            }
        }

        assertThat(chunks).hasSize(6);
        assertThat(chunks.get(0).choices().getFirst().delta().role().orElseThrow().asString()).isEqualTo("assistant");
        var toolCall = chunks.get(2).choices().getFirst().delta().toolCalls().orElseThrow().getFirst();
        assertThat(toolCall.index()).isZero();
        assertThat(toolCall.id()).contains("call_1");
        assertThat(toolCall.function().orElseThrow().name()).contains("f");
        assertThat(chunks.get(4).choices().getFirst().finishReason().orElseThrow().asString())
                .isEqualTo("tool_calls");
        assertThat(chunks.get(5).choices()).isEmpty();
        assertThat(chunks.get(5).usage().orElseThrow().totalTokens()).isEqualTo(7);
    }

    @Test
    void sdkReadsLegacyCompletion() throws IOException {
        var response = new CompletionResponse("cmpl-1", "gpt-3.5-turbo-instruct", 2,
                List.of(new CompletionResponse.TextChoice(0, "text", FinishReason.STOP)), Usage.of(1, 1));

        Completion completion = sdk.readValue(codec.encodeCompletion(response), Completion.class).validate();

        assertThat(completion.choices().getFirst().text()).isEqualTo("text");
        assertThat(completion.choices().getFirst().finishReason().asString()).isEqualTo("stop");
    }

    @Test
    void sdkDecodesBase64AndFloatEmbeddingsToTheSameVectors() throws IOException {
        var response = new EmbeddingResponse("e", List.of(ResponseEncodingTest.vectors()), Usage.of(8, 0));

        CreateEmbeddingResponse floats = sdk.readValue(codec.encodeEmbeddings(response, "float"),
                CreateEmbeddingResponse.class).validate();
        CreateEmbeddingResponse packed = sdk.readValue(codec.encodeEmbeddings(response, "base64"),
                CreateEmbeddingResponse.class).validate();

        assertThat(floats.data().getFirst().embedding()).containsExactly(0.0023064255f, -0.009327292f, 1.5f);
        assertThat(packed.data().getFirst().embedding()).containsExactly(0.0023064255f, -0.009327292f, 1.5f);
        assertThat(packed.data().get(1).embedding()).containsExactly(-1f, 0f, 0.25f);
    }

    @Test
    void sdkReadsModel() throws IOException {
        Model model = sdk.readValue(new String(codec.encodeModel(new ModelInfo("m", "team", 5)),
                StandardCharsets.UTF_8), Model.class).validate();

        assertThat(model.id()).isEqualTo("m");
        assertThat(model.ownedBy()).isEqualTo("team");
        assertThat(model.created()).isEqualTo(5);
    }
}
