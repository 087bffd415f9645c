package dev.warden.provider.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import dev.warden.llm.ChatRequest;
import dev.warden.llm.ClientGoneException;
import dev.warden.llm.CompletionRequest;
import dev.warden.llm.ContentPart;
import dev.warden.llm.Embedding;
import dev.warden.llm.EmbeddingRequest;
import dev.warden.llm.FinishReason;
import dev.warden.llm.Message;
import dev.warden.llm.ModelInfo;
import dev.warden.llm.ResponseFormat;
import dev.warden.llm.Role;
import dev.warden.llm.Sampling;
import dev.warden.llm.StreamEvent;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.Usage;
import dev.warden.provider.CallNotes;
import dev.warden.provider.Endpoint;
import dev.warden.provider.Timeouts;
import dev.warden.provider.UpstreamClient;
import dev.warden.testkit.FakeOllamaBehaviour;
import dev.warden.testkit.FakeOllamaUpstream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The provider against the strict fake Ollama on loopback, through the real upstream client. */
@Timeout(20)
class OllamaProviderTest {
    private static final long CREATED = 1_721_680_408L; // the fake's created_at
    private final FakeOllamaUpstream fake = FakeOllamaUpstream.start();
    private final UpstreamClient client = UpstreamClient.create();
    private final CallNotes notes = new CallNotes();

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    private OllamaProvider provider(Timeouts timeouts) {
        var endpoint = new Endpoint("local", fake.baseUrl(), null, Map.of(), timeouts);
        return OllamaProvider.create(endpoint, OllamaSettings.DEFAULTS, client, Fixtures.ids(),
                InstantSource.fixed(Instant.ofEpochSecond(Fixtures.NOW)));
    }

    private OllamaProvider provider() {
        return provider(Timeouts.DEFAULTS);
    }

    private static ChatRequest hello(String model) {
        return new ChatRequest(model, List.of(Message.text(Role.USER, "Hello there")),
                Sampling.DEFAULTS.withMaxTokens(50), List.of(), null, null, null, false, false, null, Map.of());
    }

    @Test
    void chatSendsStreamFalseAndGetsOneAnswer() {
        var response = provider().chat(hello("llama3.2"), notes);
        assertThat(response.id()).isEqualTo("id-1");
        assertThat(response.created()).isEqualTo(CREATED);
        assertThat(response.choices().getFirst().message()).isEqualTo(Message.text(Role.ASSISTANT,
                "Echo: Hello there"));
        assertThat(response.choices().getFirst().finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.usage()).isEqualTo(Usage.of(2, 3));
        assertThat(notes.upstreamStatus()).isEqualTo(200);
        var sent = fake.lastRequest();
        assertThat(sent.path()).isEqualTo("/api/chat");
        assertThat(sent.header("content-type")).hasValue("application/json");
        assertThat(sent.header("authorization")).isEmpty();
        var body = Fixtures.tree(sent.body());
        assertThat(body.get("stream").asBoolean(true)).isFalse();
        assertThat(body.path("options").path("num_predict").asInt()).isEqualTo(50);
    }

    @Test
    void streamedTextEndsComplete() {
        var events = new ArrayList<StreamEvent>();
        var outcome = provider().streamChat(hello("llama3.2"), events::add, notes);
        var usage = Usage.of(2, 3);
        assertThat(events).containsExactly(new StreamEvent.Start("id-1", "llama3.2", CREATED),
                new StreamEvent.TextDelta(0, "Echo:"), new StreamEvent.TextDelta(0, " Hello"),
                new StreamEvent.TextDelta(0, " there"), new StreamEvent.Finish(0, FinishReason.STOP),
                new StreamEvent.UsageReport(usage, null));
        assertThat(outcome).isEqualTo(new StreamOutcome.Complete(usage));
        assertThat(fake.lastRequest().header("accept")).hasValue(FakeOllamaUpstream.NDJSON);
        assertThat(Fixtures.tree(fake.lastRequest().body()).get("stream").asBoolean()).isTrue();
    }

    private static String line(String message, boolean done) {
        return "{\"model\":\"qwen3\",\"created_at\":\"2025-05-27T20:37:32Z\",\"message\":" + message + ",\"done\":"
                + done + (done ? ",\"done_reason\":\"stop\",\"prompt_eval_count\":9,\"eval_count\":4}" : "}");
    }

    @Test
    void streamedToolCallsAndThinking() {
        fake.enqueue(FakeOllamaBehaviour.lines(List.of(
                line("{\"role\":\"assistant\",\"content\":\"\",\"thinking\":\"Need the weather.\"}", false),
                line("{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"function\":{\"name\":\"w\","
                        + "\"arguments\":{\"city\":\"Paris\"}}}]}", false),
                line("{\"role\":\"assistant\",\"content\":\"\"}", true)), 5));
        var events = new ArrayList<StreamEvent>();
        var outcome = provider().streamChat(hello("qwen3"), events::add, notes);
        assertThat(events).containsExactly(new StreamEvent.Start("id-1", "qwen3",
                Instant.parse("2025-05-27T20:37:32Z").getEpochSecond()),
                new StreamEvent.ReasoningDelta(0, "Need the weather."),
                new StreamEvent.ToolCallStart(0, 0, "id-2", "w"),
                new StreamEvent.ToolCallDelta(0, 0, "{\"city\":\"Paris\"}"),
                new StreamEvent.Finish(0, FinishReason.TOOL_CALLS),
                new StreamEvent.UsageReport(Usage.of(9, 4), null));
        assertThat(outcome).isEqualTo(new StreamOutcome.Complete(Usage.of(9, 4)));
    }

    @Test
    void jsonModeReachesOllamaAsFormat() {
        fake.enqueue(FakeOllamaBehaviour.reply(200, "{\"model\":\"llama3.2\",\"created_at\":"
                + "\"2024-12-06T00:46:58.265747Z\",\"message\":{\"role\":\"assistant\",\"content\":"
                + "\"{\\\"age\\\": 22}\"},\"done_reason\":\"stop\",\"done\":true,\"prompt_eval_count\":34,"
                + "\"eval_count\":12}"));
        var request = new ChatRequest("llama3.2", List.of(Message.text(Role.USER, "Age as JSON")), Sampling.DEFAULTS,
                List.of(), null, new ResponseFormat.JsonObject(), null, false, false, null, Map.of());
        var response = provider().chat(request, notes);
        assertThat(response.choices().getFirst().message().joinedText()).isEqualTo("{\"age\": 22}");
        assertThat(Fixtures.tree(fake.lastRequest().body()).get("format").asText()).isEqualTo("json");
    }

    @Test
    void aToolRoundTripPassesTheStrictFake() {
        var messages = List.of(Message.text(Role.USER, "Weather?"),
                new Message(Role.ASSISTANT, List.of(new ContentPart.ToolCall("id-9", "w", "{\"city\":\"Paris\"}")),
                        null),
                new Message(Role.TOOL, List.of(new ContentPart.ToolResult("id-9",
                        List.of(new ContentPart.Text("sunny")), false)), null));
        var request = new ChatRequest("llama3.2", messages, Sampling.DEFAULTS, List.of(), null, null, null, false,
                false, null, Map.of());
        assertThat(provider().chat(request, notes).choices()).hasSize(1);
        var sent = Fixtures.tree(fake.lastRequest().body()).path("messages");
        assertThat(sent.get(1).path("tool_calls").get(0).path("function").path("arguments").isObject()).isTrue();
        assertThat(sent.get(2).path("tool_name").asText()).isEqualTo("w");
    }

    @Test
    void aStreamCutBeforeDoneIsTruncated() {
        fake.enqueue(FakeOllamaBehaviour.lines(List.of(line("{\"role\":\"assistant\",\"content\":\"Hi\"}", false)),
                0));
        var events = new ArrayList<StreamEvent>();
        var outcome = provider().streamChat(hello("llama3.2"), events::add, notes);
        assertThat(outcome).isEqualTo(new StreamOutcome.Truncated(null, StreamDecoder.TRUNCATED));
        assertThat(events).contains(new StreamEvent.TextDelta(0, "Hi"));
    }

    @Test
    void anErrorLineInsideTheStreamFailsIt() {
        fake.enqueue(FakeOllamaBehaviour.lines(List.of(line("{\"role\":\"assistant\",\"content\":\"Hi\"}", false),
                "{\"error\":\"an error was encountered while running the model: unexpected EOF\"}"), 0));
        var outcome = provider().streamChat(hello("llama3.2"), event -> { }, notes);
        assertThat(outcome).isEqualTo(new StreamOutcome.Failed(null, new ApiError.Upstream(502,
                "an error was encountered while running the model: unexpected EOF", "upstream_error", null, null,
                null)));
    }

    @Test
    void anUnknownModelIs404ModelNotFound() {
        assertThatThrownBy(() -> provider().chat(hello("llama9"), notes))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    var error = (ApiError.Upstream) e.error();
                    assertThat(error.status()).isEqualTo(404);
                    assertThat(error.code()).isEqualTo("model_not_found");
                    assertThat(error.message()).isEqualTo("model 'llama9' not found");
                });
        assertThat(notes.upstreamStatus()).isEqualTo(404);
    }

    @Test
    void aRunnerCrashIs502() {
        fake.enqueue(FakeOllamaBehaviour.serverError());
        assertThatThrownBy(() -> provider().streamChat(hello("llama3.2"), event -> { }, notes))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error().status()).isEqualTo(502));
    }

    @Test
    void aClientThatGoesAwayCancelsTheUpstream() throws InterruptedException {
        var lines = new ArrayList<String>();
        for (int i = 0; i < 100; i++) {
            lines.add(line("{\"role\":\"assistant\",\"content\":\"t" + i + "\"}", false));
        }
        fake.enqueue(FakeOllamaBehaviour.lines(lines, 50));
        var delivered = new ArrayList<StreamEvent>();
        var outcome = provider().streamChat(hello("llama3.2"), event -> {
            if (event instanceof StreamEvent.TextDelta) {
                throw new ClientGoneException(new IOException("Broken pipe"));
            }
            delivered.add(event);
        }, notes);
        assertThat(outcome).isEqualTo(new StreamOutcome.ClientGone(null));
        assertThat(delivered).hasSize(1);
        // 100 lines at 50 ms would take 5 s; the fake must see the hang-up long before.
        assertThat(fake.awaitStreamsAbortedByPeer(1, Duration.ofSeconds(2))).isTrue();
        assertThat(fake.streamsCompleted()).isZero();
    }

    @Test
    void aStreamThatGoesSilentIsTruncatedByTheIdleTimeout() {
        fake.enqueue(FakeOllamaBehaviour.lines(List.of(line("{\"content\":\"Hi\"}", false),
                line("{\"content\":\" late\"}", false)), 3_000));
        var timeouts = new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(300));
        var outcome = provider(timeouts).streamChat(hello("llama3.2"), event -> { }, notes);
        assertThat(outcome).isEqualTo(new StreamOutcome.Truncated(null, StreamDecoder.IDLE));
    }

    @Test
    void embeddings() {
        var response = provider().embed(new EmbeddingRequest("nomic-embed-text", List.of("alpha", "beta gamma"),
                null, null, null, null, Map.of()), notes);
        assertThat(response.data()).containsExactly(new Embedding(0, FakeOllamaUpstream.embeddingFor("alpha")),
                new Embedding(1, FakeOllamaUpstream.embeddingFor("beta gamma")));
        assertThat(response.usage()).isEqualTo(Usage.of(3, 0));
        assertThat(fake.lastRequest().path()).isEqualTo("/api/embed");
    }

    @Test
    void generateWholeAndStreamed() {
        var request = new CompletionRequest("llama3.2", List.of("Say hi"), Sampling.DEFAULTS.withMaxTokens(5), false,
                false, null, Map.of());
        var response = provider().complete(request, notes);
        assertThat(response.choices().getFirst().text()).isEqualTo("Echo: Say hi");
        assertThat(response.usage()).isEqualTo(Usage.of(2, 3));
        assertThat(Fixtures.tree(fake.lastRequest().body()).get("stream").asBoolean(true)).isFalse();
        var events = new ArrayList<StreamEvent>();
        var outcome = provider().streamComplete(request, events::add, notes);
        assertThat(events).contains(new StreamEvent.TextDelta(0, "Echo:"), new StreamEvent.TextDelta(0, " hi"),
                new StreamEvent.Finish(0, FinishReason.STOP));
        assertThat(outcome).isEqualTo(new StreamOutcome.Complete(Usage.of(2, 3)));
        assertThat(fake.lastRequest().path()).isEqualTo("/api/generate");
    }

    @Test
    void tagsDiscoverThePulledModels() {
        var models = provider().discoverModels();
        assertThat(models).extracting(ModelInfo::id).containsExactly("llama3.2:latest", "qwen3:latest",
                "llava:latest", "nomic-embed-text:latest");
        assertThat(fake.lastRequest().method()).isEqualTo("GET");
        assertThat(fake.lastRequest().path()).isEqualTo("/api/tags");
    }

    @Test
    void anApiKeyGoesOutAsABearerAndARejectedOneIsA502() {
        try (var guarded = FakeOllamaUpstream.start("ollama-cloud-key-42")) {
            var good = new Endpoint("cloud", guarded.baseUrl(), "ollama-cloud-key-42", Map.of(), Timeouts.DEFAULTS);
            OllamaProvider.create(good, OllamaSettings.DEFAULTS, client, Fixtures.ids(), InstantSource.system())
                    .chat(hello("llama3.2"), notes);
            assertThat(guarded.lastRequest().header("authorization")).hasValue("Bearer ollama-cloud-key-42");
            var bad = new Endpoint("cloud", guarded.baseUrl(), "wrong-key-123", Map.of(), Timeouts.DEFAULTS);
            assertThatThrownBy(() -> OllamaProvider.create(bad, OllamaSettings.DEFAULTS, client, Fixtures.ids(),
                    InstantSource.system()).chat(hello("llama3.2"), notes))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(
                            new ApiError.Upstream(502, ErrorWire.AUTH_FAILED, "upstream_error", null,
                                    "upstream_auth_failed", null)));
        }
    }

    @Test
    void refusalsNeverReachTheUpstream() {
        var request = hello("llama3.2").withExtra(Map.of("logit_bias", dev.warden.llm.RawJson.of("{}")));
        assertThatThrownBy(() -> provider().chat(request, notes)).isInstanceOf(ApiException.class);
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void aDeploymentThatDropsUnsupportedParamsSendsTheRestAndReportsTheDropped() {
        var endpoint = new Endpoint("local", fake.baseUrl(), null, Map.of(), Timeouts.DEFAULTS, true);
        var provider = OllamaProvider.create(endpoint, OllamaSettings.DEFAULTS, client, Fixtures.ids(),
                InstantSource.fixed(Instant.ofEpochSecond(Fixtures.NOW)));
        var request = hello("llama3.2").withExtra(Map.of("logit_bias", dev.warden.llm.RawJson.of("{}")));
        assertThat(provider.chat(request, notes).choices()).hasSize(1);
        assertThat(notes.droppedParams()).containsExactly("logit_bias");
        assertThat(Fixtures.tree(fake.lastRequest().body()).has("logit_bias")).isFalse();
    }
}
