package dev.warden.api.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.llm.ApiError;
import dev.warden.llm.ChatResponse;
import dev.warden.llm.Choice;
import dev.warden.llm.ContentPart;
import dev.warden.llm.FinishReason;
import dev.warden.llm.Message;
import dev.warden.llm.Role;
import dev.warden.llm.Usage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponseEncodingTest {
    private final AnthropicCodec codec = AnthropicCodec.create();

    static ChatResponse textAnswer() {
        return new ChatResponse("chatcmpl-abc123", "claude-sonnet-4-5", 1741570000,
                List.of(new Choice(0, Message.text(Role.ASSISTANT, "Hello! How can I help you today?"),
                        FinishReason.STOP)),
                Usage.of(25, 12), "fp_ignored");
    }

    static ChatResponse toolUseAnswer() {
        var parts = List.<ContentPart>of(
                new ContentPart.Thinking("The user wants the weather.", "EqQBCgIYAhIM1gbcDa9GJwZA2b3h"),
                new ContentPart.Thinking("", BlockDecoder.REDACTED_PREFIX + "EmwKAhgBEgy3va3pzix/LafPsn4a"),
                new ContentPart.Text("Let me check."),
                new ContentPart.ToolCall("toolu_01A09q90qw90lq917835lq9", "get_weather",
                        "{\"location\":\"San Francisco, CA\",\"unit\":\"celsius\",\"days\":1.50}"),
                new ContentPart.ToolCall("toolu_01B", "get_time", "{\"tz\": \"CET\""),
                new ContentPart.ToolCall("toolu_01C", "ping", ""));
        return new ChatResponse("msg_01Aq9w938a90dw8q", "claude-opus-4-1", 1741570001,
                List.of(new Choice(0, new Message(Role.ASSISTANT, parts, null), FinishReason.TOOL_CALLS)),
                new Usage(100, 50, 60, 0, false), null);
    }

    @Test
    void encodesTextAnswerWithPrefixedId() {
        assertThat(Fixtures.tree(codec.encodeMessage(textAnswer()))).isEqualTo(Fixtures.tree("message_text.json"));
    }

    @Test
    void encodesThinkingRedactedThinkingTextAndToolUseInOrderWithCachedTokensSplitOut() {
        assertThat(Fixtures.tree(codec.encodeMessage(toolUseAnswer())))
                .isEqualTo(Fixtures.tree("message_tool_use.json"));
    }

    @Test
    void toolInputKeepsNumbersAsTheModelWroteThem() {
        String json = new String(codec.encodeMessage(toolUseAnswer()), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(json).contains("\"days\":1.50");
    }

    @ParameterizedTest
    @CsvSource({"STOP,end_turn", "LENGTH,max_tokens", "TOOL_CALLS,tool_use", "CONTENT_FILTER,refusal"})
    void mapsEveryFinishReason(FinishReason reason, String stopReason) {
        var response = new ChatResponse("msg_1", "m", 1,
                List.of(new Choice(0, Message.text(Role.ASSISTANT, "x"), reason)), Usage.of(1, 1), null);

        assertThat(Fixtures.tree(codec.encodeMessage(response)).get("stop_reason").asText()).isEqualTo(stopReason);
    }

    @Test
    void missingUsageAndReasonAndChoicesStillGiveAWellFormedMessage() {
        var response = new ChatResponse("x", "m", 1, List.of(), null, null);

        var tree = Fixtures.tree(codec.encodeMessage(response));

        assertThat(tree.get("content")).isEmpty();
        assertThat(tree.get("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(tree.at("/usage/output_tokens").asLong()).isZero();
        assertThat(tree.get("id").asText()).isEqualTo("msg_x");
    }

    @Test
    void encodesTokenCount() {
        assertThat(Fixtures.tree(codec.encodeTokenCount(2095))).isEqualTo(Fixtures.tree(Fixtures.utf8(
                "{\"input_tokens\":2095}")));
    }

    @ParameterizedTest
    @CsvSource({
            "invalid,invalid_request_error,400",
            "unauthenticated,authentication_error,401",
            "denied,permission_error,403",
            "notfound,not_found_error,404",
            "method,invalid_request_error,405",
            "timeout,invalid_request_error,408",
            "large,request_too_large,413",
            "media,invalid_request_error,415",
            "rate,rate_limit_error,429",
            "internal,api_error,500",
            "unavailable,overloaded_error,503",
            "upstreamTimeout,timeout_error,504"})
    void everyErrorHasItsAnthropicTypeAndKeepsItsStatus(String kind, String type, int status) {
        ApiError error = switch (kind) {
            case "invalid" -> ApiError.InvalidRequest.of("bad", "x");
            case "unauthenticated" -> new ApiError.Unauthenticated("no key");
            case "denied" -> new ApiError.PermissionDenied("no");
            case "notfound" -> ApiError.NotFound.model("claude-x");
            case "method" -> new ApiError.MethodNotAllowed("no");
            case "timeout" -> new ApiError.RequestTimeout("slow");
            case "large" -> new ApiError.PayloadTooLarge("big");
            case "media" -> new ApiError.UnsupportedMediaType("json only");
            case "rate" -> new ApiError.RateLimited("slow down", 3L);
            case "internal" -> new ApiError.Internal("oops");
            case "unavailable" -> new ApiError.Unavailable("none");
            default -> new ApiError.UpstreamTimeout("late");
        };

        var tree = Fixtures.tree(codec.encodeError(error));

        assertThat(error.status()).isEqualTo(status);
        assertThat(tree.get("type").asText()).isEqualTo("error");
        assertThat(tree.at("/error/type").asText()).isEqualTo(type);
        assertThat(tree.at("/error/message").asText()).isEqualTo(error.message());
        assertThat(tree.get("request_id").isNull()).isTrue();
    }

    @Test
    void upstreamErrorsKeepAnAnthropicTypeAndAreTypedByStatusOtherwise() {
        var anthropic = new ApiError.Upstream(529, "Overloaded", "overloaded_error", null, null, null);
        var openAi = new ApiError.Upstream(400, "bad", "invalid_request_error", "messages", null, null);
        var foreign = new ApiError.Upstream(502, "bad gateway", "server_error", null, null, null);
        var billing = new ApiError.Upstream(402, "pay", null, null, null, null);

        assertThat(Fixtures.tree(codec.encodeError(anthropic)).at("/error/type").asText())
                .isEqualTo("overloaded_error");
        assertThat(Fixtures.tree(codec.encodeError(openAi)).at("/error/type").asText())
                .isEqualTo("invalid_request_error");
        assertThat(Fixtures.tree(codec.encodeError(foreign)).at("/error/type").asText()).isEqualTo("api_error");
        assertThat(Fixtures.tree(codec.encodeError(billing)).at("/error/type").asText()).isEqualTo("billing_error");
    }

    @Test
    void errorBodyIsExact() {
        assertThat(Fixtures.tree(codec.encodeError(ApiError.InvalidRequest.of("max_tokens: Field required",
                "max_tokens")))).isEqualTo(Fixtures.tree(Fixtures.utf8("{\"type\":\"error\",\"error\":{\"type\":"
                + "\"invalid_request_error\",\"message\":\"max_tokens: Field required\"},\"request_id\":null}")));
    }
}
