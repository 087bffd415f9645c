package dev.warden.api.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.core.JsonValue;
import com.anthropic.errors.AnthropicInvalidDataException;
import com.anthropic.core.ObjectMappers;
import com.anthropic.models.ErrorResponse;
import com.anthropic.models.messages.Base64ImageSource;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.ImageBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCountTokensParams;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.MessageParam;
import com.anthropic.models.messages.MessageTokensCount;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.TextBlockParam;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolChoiceAny;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlockParam;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.warden.llm.ApiError;
import dev.warden.llm.ChatRequest;
import dev.warden.llm.ContentPart;
import dev.warden.llm.FinishReason;
import dev.warden.llm.Role;
import dev.warden.llm.StreamEvent;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.ToolChoice;
import dev.warden.llm.Usage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reads Warden's output with the official Anthropic Java SDK's own mapper and strict validation, and feeds what the
 * SDK sends to the decoder: the proof that SDK clients work both ways, beyond matching our own fixtures.
 */
class OfficialSdkCompatibilityTest {
    private final AnthropicCodec codec = AnthropicCodec.create();
    private final JsonMapper sdk = ObjectMappers.jsonMapper();

    /** Guards the tests below: the SDK's validation really rejects a message missing a required field. */
    @Test
    void sdkValidationIsStrictEnoughToCatchAMissingField() throws IOException {
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) sdk.readTree(
                codec.encodeMessage(ResponseEncodingTest.textAnswer()));
        tree.remove("usage");

        assertThatThrownBy(() -> sdk.treeToValue(tree, Message.class).validate())
                .isInstanceOf(AnthropicInvalidDataException.class);
    }

    @Test
    void sdkReadsTextMessage() throws IOException {
        Message message = sdk.readValue(codec.encodeMessage(ResponseEncodingTest.textAnswer()), Message.class)
                .validate();

        assertThat(message.id()).isEqualTo("msg_chatcmpl-abc123");
        assertThat(message.content().getFirst().asText().text()).isEqualTo("Hello! How can I help you today?");
        assertThat(message.stopReason().orElseThrow().asString()).isEqualTo("end_turn");
        assertThat(message.usage().inputTokens()).isEqualTo(25);
        assertThat(message.usage().outputTokens()).isEqualTo(12);
    }

    @Test
    void sdkReadsThinkingAndToolUseMessage() throws IOException {
        Message message = sdk.readValue(codec.encodeMessage(ResponseEncodingTest.toolUseAnswer()), Message.class)
                .validate();

        assertThat(message.content()).hasSize(6);
        assertThat(message.content().get(0).asThinking().signature()).isEqualTo("EqQBCgIYAhIM1gbcDa9GJwZA2b3h");
        assertThat(message.content().get(1).asRedactedThinking().data()).isEqualTo("EmwKAhgBEgy3va3pzix/LafPsn4a");
        var call = message.content().get(3).asToolUse();
        assertThat(call.id()).isEqualTo("toolu_01A09q90qw90lq917835lq9");
        assertThat(call.name()).isEqualTo("get_weather");
        assertThat(call._input().toString()).contains("San Francisco, CA");
        assertThat(message.stopReason().orElseThrow().asString()).isEqualTo("tool_use");
        assertThat(message.usage().cacheReadInputTokens()).contains(60L);
        assertThat(message.usage().inputTokens()).isEqualTo(40);
    }

    @Test
    void sdkReadsErrorBody() throws IOException {
        ErrorResponse error = sdk.readValue(codec.encodeError(new ApiError.Unavailable("No upstream.")),
                ErrorResponse.class).validate();

        assertThat(error.error().isOverloadedError()).isTrue();
        assertThat(error.error().asOverloadedError().message()).isEqualTo("No upstream.");
    }

    @Test
    void sdkReadsEveryStreamedEvent() throws IOException {
        var out = new FlushRecorder();
        var stream = AnthropicMessageStream.create(codec, out);
        stream.accept(new StreamEvent.Start("chatcmpl-x", "claude-sonnet-4-5", 1));
        stream.accept(new StreamEvent.ReasoningDelta(0, "Hmm"));
        stream.accept(new StreamEvent.TextDelta(0, "Hi"));
        stream.accept(new StreamEvent.ToolCallStart(0, 0, "toolu_1", "f"));
        stream.accept(new StreamEvent.ToolCallDelta(0, 0, "{\"a\":1}"));
        stream.accept(new StreamEvent.Finish(0, FinishReason.TOOL_CALLS));
        stream.accept(new StreamEvent.UsageReport(Usage.of(3, 4), null));
        stream.finish(new StreamOutcome.Complete(Usage.of(3, 4)));

        var events = new ArrayList<RawMessageStreamEvent>();
        for (String[] event : out.events()) {
            RawMessageStreamEvent parsed = sdk.readValue(event[1], RawMessageStreamEvent.class).validate();
            assertThat(sdk.readTree(event[1]).get("type").asText()).isEqualTo(event[0]);
            events.add(parsed);
        }

        assertThat(events).hasSize(12);
        assertThat(events.get(0).asMessageStart().message().id()).isEqualTo("msg_chatcmpl-x");
        assertThat(events.get(1).asContentBlockStart().contentBlock().isThinking()).isTrue();
        assertThat(events.get(2).asContentBlockDelta().delta().asThinking().thinking()).isEqualTo("Hmm");
        assertThat(events.get(5).asContentBlockDelta().delta().asText().text()).isEqualTo("Hi");
        assertThat(events.get(7).asContentBlockStart().contentBlock().asToolUse().name()).isEqualTo("f");
        assertThat(events.get(8).asContentBlockDelta().delta().asInputJson().partialJson()).isEqualTo("{\"a\":1}");
        var delta = events.get(10).asMessageDelta();
        assertThat(delta.delta().stopReason().orElseThrow().asString()).isEqualTo("tool_use");
        assertThat(delta.usage().outputTokens()).isEqualTo(4);
        assertThat(events.get(11).isMessageStop()).isTrue();
    }

    /** Every event of every recorded stream fixture is valid to the SDK (the error event is not a stream event). */
    @ParameterizedTest
    @ValueSource(strings = {"stream_text.sse", "stream_tool_use.sse", "stream_parallel_tools.sse",
            "stream_thinking_text.sse", "stream_truncated.sse"})
    void sdkValidatesEveryEventOfTheRecordedStreams(String fixture) throws IOException {
        int validated = 0;
        for (String event : Fixtures.text(fixture).split("\n\n")) {
            String[] lines = event.split("\n", 2);
            String name = lines[0].substring("event: ".length());
            String data = lines[1].substring("data: ".length());
            if (name.equals("error")) {
                sdk.readValue(data, ErrorResponse.class).validate();
            } else {
                sdk.readValue(data, RawMessageStreamEvent.class).validate();
            }
            validated++;
        }
        assertThat(validated).isGreaterThanOrEqualTo(4);
    }

    @Test
    void sdkReadsTokenCountAndItsCountTokensBodyDecodes() throws IOException {
        MessageTokensCount count = sdk.readValue(codec.encodeTokenCount(2095), MessageTokensCount.class).validate();
        assertThat(count.inputTokens()).isEqualTo(2095);

        MessageCountTokensParams params = MessageCountTokensParams.builder()
                .model("claude-sonnet-4-5")
                .system("Be brief.")
                .addUserMessage("Hello, world")
                .build();
        ChatRequest request = codec.decodeCountTokens(sdk.writeValueAsBytes(params._body()));

        assertThat(request.messages()).extracting(dev.warden.llm.Message::role).containsExactly(Role.SYSTEM,
                Role.USER);
        assertThat(codec.estimateInputTokens(request)).isEqualTo(8 + 6);  // 21 chars -> 6, two messages -> 8
    }

    @Test
    void sdkReadsTheStreamErrorEvent() throws IOException {
        var out = new FlushRecorder();
        var stream = AnthropicMessageStream.create(codec, out);
        stream.accept(new StreamEvent.Start("c", "m", 1));
        stream.finish(new StreamOutcome.Truncated(null, "idle"));

        String[] last = out.events().getLast();
        assertThat(last[0]).isEqualTo("error");
        ErrorResponse error = sdk.readValue(last[1], ErrorResponse.class).validate();
        assertThat(error.error().isApiError()).isTrue();
    }

    @Test
    void decoderAcceptsWhatTheSdkSends() throws IOException {
        MessageCreateParams params = MessageCreateParams.builder()
                .model("claude-sonnet-4-5")
                .maxTokens(1024)
                .system("You are terse.")
                .addUserMessage("What is the weather in Paris?")
                .addMessage(MessageParam.ofSystem("Answer in French."))
                .addAssistantMessageOfContentBlockParams(List.of(
                        ContentBlockParam.ofToolUse(ToolUseBlockParam.builder().id("toolu_1").name("get_weather")
                                .input(JsonValue.from(Map.of("city", "Paris"))).build())))
                .addUserMessageOfContentBlockParams(List.of(
                        ContentBlockParam.ofToolResult(ToolResultBlockParam.builder().toolUseId("toolu_1")
                                .content("18C").build()),
                        ContentBlockParam.ofImage(ImageBlockParam.builder().source(Base64ImageSource.builder()
                                .mediaType(Base64ImageSource.MediaType.IMAGE_PNG).data("iVBORw0KGgo=").build())
                                .build()),
                        ContentBlockParam.ofText(TextBlockParam.builder().text("Thanks").build())))
                .addTool(Tool.builder().name("get_weather").description("Weather by city")
                        .inputSchema(Tool.InputSchema.builder()
                                .properties(JsonValue.from(Map.of("city", Map.of("type", "string"))))
                                .addRequired("city").build()).build())
                .toolChoice(ToolChoiceAny.builder().disableParallelToolUse(true).build())
                .addStopSequence("END")
                .putAdditionalBodyProperty("temperature", JsonValue.from(0.5))
                .putAdditionalBodyProperty("top_k", JsonValue.from(40))
                .build();

        ChatRequest request = codec.decodeMessages(sdk.writeValueAsBytes(params._body()));

        assertThat(request.model()).isEqualTo("claude-sonnet-4-5");
        assertThat(request.sampling().maxTokens()).isEqualTo(1024);
        assertThat(request.sampling().temperature()).isEqualTo(0.5);
        assertThat(request.sampling().topK()).isEqualTo(40);
        assertThat(request.sampling().stop()).containsExactly("END");
        assertThat(request.messages()).extracting(dev.warden.llm.Message::role)
                .containsExactly(Role.SYSTEM, Role.USER, Role.SYSTEM, Role.ASSISTANT, Role.TOOL, Role.USER);
        assertThat(request.messages().get(2).joinedText()).isEqualTo("Answer in French.");
        assertThat(request.messages().get(3).toolCalls().getFirst().arguments()).isEqualTo("{\"city\":\"Paris\"}");
        assertThat(request.messages().get(4).parts().getFirst()).isEqualTo(
                new ContentPart.ToolResult("toolu_1", List.of(new ContentPart.Text("18C")), false));
        assertThat(request.messages().get(5).parts()).hasSize(2);
        assertThat(request.tools().getFirst().parameters().json()).contains("\"city\"").contains("\"object\"");
        assertThat(request.toolChoice()).isEqualTo(new ToolChoice.Required());
        assertThat(request.parallelToolCalls()).isFalse();
        assertThat(request.stream()).isFalse();
    }
}
