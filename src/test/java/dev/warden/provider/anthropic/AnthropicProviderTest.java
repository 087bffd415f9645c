package dev.warden.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import dev.warden.llm.ChatRequest;
import dev.warden.llm.CompletionRequest;
import dev.warden.llm.ContentPart;
import dev.warden.llm.EmbeddingRequest;
import dev.warden.llm.FinishReason;
import dev.warden.llm.Message;
import dev.warden.llm.RawJson;
import dev.warden.llm.ResponseFormat;
import dev.warden.llm.Role;
import dev.warden.llm.Sampling;
import dev.warden.llm.StreamEvent;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.Tool;
import dev.warden.llm.ToolChoice;
import dev.warden.llm.Usage;
import dev.warden.provider.CallNotes;
import dev.warden.provider.Endpoint;
import dev.warden.provider.Timeouts;
import dev.warden.provider.UpstreamClient;
import dev.warden.testkit.AnthropicBehaviour;
import dev.warden.testkit.FakeAnthropicUpstream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The provider against the strict fake Anthropic upstream on loopback, through the real upstream client. */
@Timeout(20)
class AnthropicProviderTest {
    private static final String MODEL = "claude-sonnet-4-5";
    private static final AnthropicSettings SETTINGS =
            new AnthropicSettings("2023-06-01", 1024, List.of("token-efficient-tools-2025-02-19", "beta-two"));

    private final FakeAnthropicUpstream fake = FakeAnthropicUpstream.start();
    private final UpstreamClient client = UpstreamClient.create();
    private final CallNotes notes = new CallNotes();

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    private Endpoint endpoint(Timeouts timeouts) {
        return new Endpoint("claude", fake.baseUrl(), fake.apiKey(), Map.of("X-Team", "platform"), timeouts);
    }

    private AnthropicProvider provider() {
        return AnthropicProvider.create(endpoint(Timeouts.DEFAULTS), SETTINGS, client);
    }

    private AnthropicProvider provider(Timeouts timeouts) {
        return AnthropicProvider.create(endpoint(timeouts), SETTINGS, client);
    }

    private static ChatRequest hello() {
        return new ChatRequest(MODEL, List.of(Message.text(Role.SYSTEM, "Be brief."),
                Message.text(Role.USER, "Hello there")), Sampling.DEFAULTS, List.of(), null, null, null, false, false,
                null, Map.of());
    }

    private static final Tool WEATHER = new Tool("get_weather", "Weather", RawJson.of("{\"type\":\"object\"}"), null);

    @Test
    void aDeploymentThatDropsUnsupportedParamsSendsTheRestAndReportsTheDropped() {
        var endpoint = new Endpoint("claude", fake.baseUrl(), fake.apiKey(), Map.of(), Timeouts.DEFAULTS, true);
        var request = hello().withSampling(new Sampling(null, null, null, List.of(), 42L, null, 0.5, null, null));
        var response = AnthropicProvider.create(endpoint, SETTINGS, client).chat(request, notes);
        assertThat(response.choices().getFirst().message()).isEqualTo(Message.text(Role.ASSISTANT,
                "Echo: Hello there"));
        assertThat(notes.droppedParams()).containsExactly("seed", "frequency_penalty");
        assertThat(fake.lastBody().has("seed")).isFalse();
        assertThat(fake.lastBody().has("frequency_penalty")).isFalse();
    }

    @Test
    void aDeploymentThatRefusesUnsupportedParamsSendsNothing() {
        var request = hello().withSampling(new Sampling(null, null, null, List.of(), 42L, null, null, null, null));
        assertThatThrownBy(() -> provider().chat(request, notes)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(((ApiError.InvalidRequest) e.error()).param()).isEqualTo("seed"));
        assertThat(notes.droppedParams()).isEmpty();
        assertThat(notes.upstreamStatus()).isZero();
    }

    @Test
    void chatSendsAnthropicsHeadersAndTheDefaultMaxTokens() {
        var response = provider().chat(hello(), notes);
        assertThat(response.choices().getFirst().message()).isEqualTo(Message.text(Role.ASSISTANT,
                "Echo: Hello there"));
        assertThat(response.choices().getFirst().finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.usage()).isEqualTo(Usage.of(4, 3));
        assertThat(response.id()).isEqualTo("msg_fake_1");
        assertThat(notes.upstreamStatus()).isEqualTo(200);
        assertThat(notes.upstreamRequestId()).isEqualTo("req_fake_200");
        var sent = fake.lastRequest();
        assertThat(sent.path()).isEqualTo("/v1/messages");
        assertThat(sent.header("x-api-key")).hasValue(fake.apiKey());
        assertThat(sent.header("authorization")).isEmpty();
        assertThat(sent.header("anthropic-version")).hasValue("2023-06-01");
        assertThat(sent.header("anthropic-beta")).hasValue("token-efficient-tools-2025-02-19,beta-two");
        assertThat(sent.header("content-type")).hasValue("application/json");
        assertThat(sent.header("x-team")).hasValue("platform");
        assertThat(fake.lastBody().get("max_tokens").asInt()).isEqualTo(1024);
        assertThat(fake.lastBody().get("system").asText()).isEqualTo("Be brief.");
    }

    @Test
    void rateLimitCarriesRetryAfterAndOverloadIs503() {
        fake.enqueue(AnthropicBehaviour.rateLimited("7"), AnthropicBehaviour.overloaded(),
                AnthropicBehaviour.apiError());
        assertThatThrownBy(() -> provider().chat(hello(), notes)).isInstanceOfSatisfying(ApiException.class, e -> {
            var error = (ApiError.Upstream) e.error();
            assertThat(error.status()).isEqualTo(429);
            assertThat(error.retryAfterSeconds()).isEqualTo(7L);
            assertThat(error.type()).isEqualTo("rate_limit_error");
            assertThat(error.message()).doesNotContain("https://").contains("[url]");
        });
        assertThat(notes.upstreamStatus()).isEqualTo(429);
        assertThatThrownBy(() -> provider().streamChat(hello(), event -> { }, notes))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error().status()).isEqualTo(503));
        assertThatThrownBy(() -> provider().chat(hello(), notes))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error().status()).isEqualTo(502));
    }

    @Test
    void firstByteTimeoutIsAnUpstreamTimeout() {
        fake.enqueue(AnthropicBehaviour.hang(3_000));
        var timeouts = new Timeouts(Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofSeconds(5));
        assertThatThrownBy(() -> provider(timeouts).chat(hello(), notes)).isInstanceOfSatisfying(
                ApiException.class, e -> assertThat(e.error()).isInstanceOf(ApiError.UpstreamTimeout.class));
    }

    @Test
    void unknownModelIs404AndARejectedKeyIs502WithoutTheKey() {
        assertThatThrownBy(() -> provider().chat(hello().withModel("claude-9"), notes))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.error().status()).isEqualTo(404);
                    assertThat(((ApiError.Upstream) e.error()).type()).isEqualTo("not_found_error");
                });
        var wrong = new Endpoint("claude", fake.baseUrl(), "sk-ant-wrong-key-0000", Map.of(), Timeouts.DEFAULTS);
        assertThatThrownBy(() -> AnthropicProvider.create(wrong, SETTINGS, client).chat(hello(), notes))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.error().status()).isEqualTo(502);
                    assertThat(e.error().message()).isEqualTo(ErrorWire.AUTH_FAILED);
                });
    }

    @Test
    void anUpstream400IsPassedOnWithItsMessage() {
        var request = new ChatRequest(MODEL, List.of(Message.text(Role.ASSISTANT, "I start")), Sampling.DEFAULTS,
                List.of(), null, null, null, false, false, null, Map.of());
        assertThatThrownBy(() -> provider().chat(request, notes)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.error().status()).isEqualTo(400);
            assertThat(e.error().message()).contains("first message must use the \"user\" role");
        });
    }

    @Test
    void aToolRoundTripPassesTheStrictFake() {
        var messages = List.of(Message.text(Role.DEVELOPER, "Use tools."), Message.text(Role.USER, "Weather?"),
                new Message(Role.ASSISTANT, List.of(new ContentPart.ToolCall("toolu_1", "get_weather", "{}"),
                        new ContentPart.ToolCall("toolu_2", "get_weather", "{\"city\":\"Rome\"}")), null),
                new Message(Role.TOOL, List.of(new ContentPart.ToolResult("toolu_1",
                        List.of(new ContentPart.Text("sunny")), false)), null),
                new Message(Role.TOOL, List.of(new ContentPart.ToolResult("toolu_2",
                        List.of(new ContentPart.Text("rain")), false)), null),
                Message.text(Role.USER, "Summarize."));
        var request = new ChatRequest(MODEL, messages, Sampling.DEFAULTS, List.of(WEATHER), new ToolChoice.Auto(),
                null, false, false, false, "u-1", Map.of());
        var response = provider().chat(request, notes);
        assertThat(response.choices().getFirst().message().joinedText()).isEqualTo("Echo: sunnyrainSummarize.");
        assertThat(fake.lastBody().get("messages")).hasSize(3);
        assertThat(fake.lastBody().get("metadata").get("user_id").asText()).isEqualTo("u-1");
    }

    @Test
    void jsonSchemaRoundTripsThroughTheForcedTool() {
        var format = new ResponseFormat.JsonSchema("echo", null, RawJson.of("{\"type\":\"object\"}"), null);
        var request = new ChatRequest(MODEL, List.of(Message.text(Role.USER, "Paris")), Sampling.DEFAULTS,
                List.of(), null, format, null, false, false, null, Map.of());
        var choice = provider().chat(request, notes).choices().getFirst();
        assertThat(choice.message()).isEqualTo(Message.text(Role.ASSISTANT, "{\"echo\":\"Paris\"}"));
        assertThat(choice.finishReason()).isEqualTo(FinishReason.STOP);
        var events = new ArrayList<StreamEvent>();
        provider().streamChat(request, events::add, notes);
        var text = new StringBuilder();
        events.stream().filter(StreamEvent.TextDelta.class::isInstance)
                .forEach(e -> text.append(((StreamEvent.TextDelta) e).text()));
        assertThat(text.toString()).isEqualTo("{\"echo\":\"Paris\"}");
        assertThat(events).contains(new StreamEvent.Finish(0, FinishReason.STOP))
                .noneMatch(StreamEvent.ToolCallStart.class::isInstance);
    }

    @Test
    void legacyCompletionsRunAsAOneMessageChat() {
        var request = new CompletionRequest(MODEL, List.of("Say hi"), Sampling.DEFAULTS.withMaxTokens(5), false,
                false, null, Map.of());
        var response = provider().complete(request, notes);
        assertThat(response.choices().getFirst().text()).isEqualTo("Echo: Say hi");
        assertThat(fake.lastBody().get("max_tokens").asInt()).isEqualTo(5);
        var events = new ArrayList<StreamEvent>();
        var outcome = provider().streamComplete(request, events::add, notes);
        assertThat(events).contains(new StreamEvent.TextDelta(0, " hi"), new StreamEvent.Finish(0, FinishReason.STOP));
        assertThat(outcome).isEqualTo(new StreamOutcome.Complete(Usage.of(2, 3)));
        assertThatThrownBy(() -> provider().complete(new CompletionRequest(MODEL, List.of("a", "b"),
                Sampling.DEFAULTS, false, false, null, Map.of()), notes)).isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(((ApiError.InvalidRequest) e.error()).param()).isEqualTo("prompt"));
    }

    @Test
    void embeddingsAndUnsupportedParametersAreRefusedWithoutCallingUpstream() {
        assertThatThrownBy(() -> provider().embed(new EmbeddingRequest(MODEL, List.of("x"), null, null, null, null,
                Map.of()), notes)).isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.error()).isInstanceOf(ApiError.InvalidRequest.class));
        assertThatThrownBy(() -> provider().chat(hello().withSampling(new Sampling(null, null, null, List.of(), 1L,
                null, null, null, null)), notes)).isInstanceOf(ApiException.class);
        assertThat(fake.requests()).isEmpty();
    }
}
