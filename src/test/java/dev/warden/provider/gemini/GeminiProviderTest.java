package dev.warden.provider.gemini;

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
import dev.warden.llm.RawJson;
import dev.warden.llm.ResponseFormat;
import dev.warden.llm.Role;
import dev.warden.llm.Sampling;
import dev.warden.llm.StreamEvent;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.Tool;
import dev.warden.llm.Usage;
import dev.warden.provider.CallNotes;
import dev.warden.provider.Endpoint;
import dev.warden.provider.Timeouts;
import dev.warden.provider.UpstreamClient;
import dev.warden.testkit.FakeGeminiUpstream;
import dev.warden.testkit.GeminiBehaviour;
import dev.warden.testkit.GeminiChunks;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The provider against the strict fake Gemini upstream on loopback, through the real upstream client. */
@Timeout(20)
class GeminiProviderTest {
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2025-01-02T03:04:05Z"));
    private static final long CREATED = CLOCK.instant().getEpochSecond();
    private final FakeGeminiUpstream fake = FakeGeminiUpstream.start();
    private final UpstreamClient client = UpstreamClient.create();
    private final CallNotes notes = new CallNotes();

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    private GeminiProvider provider(String key, GeminiSettings settings, Timeouts timeouts) {
        var endpoint = new Endpoint("gemini", fake.baseUrl(), key, Map.of("X-Goog-User-Project", "billing-project"),
                timeouts);
        return GeminiProvider.create(endpoint, settings, client, Fixtures.ids(), CLOCK);
    }

    private GeminiProvider provider() {
        return provider(FakeGeminiUpstream.API_KEY, GeminiSettings.generativeLanguage(), Timeouts.DEFAULTS);
    }

    private GeminiProvider vertex() {
        return provider(FakeGeminiUpstream.ACCESS_TOKEN, GeminiSettings.vertex(FakeGeminiUpstream.PROJECT,
                FakeGeminiUpstream.LOCATION), Timeouts.DEFAULTS);
    }

    private static ChatRequest hello(String model) {
        return new ChatRequest(model, List.of(Message.text(Role.SYSTEM, "Be brief."),
                Message.text(Role.USER, "Hello there")), Sampling.DEFAULTS.withMaxTokens(50), List.of(), null, null,
                null, false, false, null, Map.of());
    }

    private static final Tool WEATHER = new Tool("get_weather", "Weather", RawJson.of(
            "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}"), null);

    @Test
    void chatSendsTheKeyInTheHeaderNeverInTheUrl() {
        var response = provider().chat(hello("gemini-2.5-flash"), notes);
        assertThat(response.choices().getFirst().message()).isEqualTo(Message.text(Role.ASSISTANT,
                "Echo: Hello there"));
        assertThat(response.choices().getFirst().finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.id()).isEqualTo("resp-fake-1");
        assertThat(response.model()).isEqualTo("gemini-2.5-flash");
        assertThat(response.created()).isEqualTo(CREATED);
        assertThat(response.usage()).isEqualTo(Usage.of(4, 3));
        assertThat(notes.upstreamStatus()).isEqualTo(200);
        var sent = fake.lastRequest();
        assertThat(sent.path()).isEqualTo("/v1beta/models/gemini-2.5-flash:generateContent");
        assertThat(sent.query()).isEmpty();
        assertThat(sent.header("x-goog-api-key")).hasValue(FakeGeminiUpstream.API_KEY);
        assertThat(sent.header("authorization")).isEmpty();
        assertThat(sent.header("x-goog-user-project")).hasValue("billing-project");
        assertThat(Fixtures.tree(sent.body().getBytes()).at("/generationConfig/maxOutputTokens").asInt()).isEqualTo(50);
    }

    @Test
    void streamText() {
        var events = new ArrayList<StreamEvent>();
        var outcome = provider().streamChat(hello("gemini-2.5-flash"), events::add, notes);
        var usage = Usage.of(4, 3);
        assertThat(events).containsExactly(new StreamEvent.Start("resp-fake-1", "gemini-2.5-flash", CREATED),
                new StreamEvent.TextDelta(0, "Echo:"), new StreamEvent.TextDelta(0, " Hello"),
                new StreamEvent.TextDelta(0, " there"), new StreamEvent.Finish(0, FinishReason.STOP),
                new StreamEvent.UsageReport(usage, null));
        assertThat(outcome).isEqualTo(new StreamOutcome.Complete(usage));
        var sent = fake.lastRequest();
        assertThat(sent.path()).isEqualTo("/v1beta/models/gemini-2.5-flash:streamGenerateContent");
        assertThat(sent.query()).isEqualTo("alt=sse");
        assertThat(sent.header("accept")).hasValue("text/event-stream");
    }

    @Test
    void streamFunctionCallAndParallelCalls() {
        fake.enqueue(GeminiBehaviour.stream(List.of(GeminiChunks.functionCalls(
                "{\"name\":\"get_weather\",\"args\":{\"city\":\"Paris\"}}",
                "{\"name\":\"get_weather\",\"args\":{\"city\":\"Rome\"}}")), 0));
        var request = new ChatRequest("gemini-2.5-flash", List.of(Message.text(Role.USER, "Weather in Paris and Rome?")),
                Sampling.DEFAULTS, List.of(WEATHER), null, null, null, true, false, null, Map.of());
        var events = new ArrayList<StreamEvent>();
        var outcome = provider().streamChat(request, events::add, notes);
        assertThat(events).containsSubsequence(new StreamEvent.ToolCallStart(0, 0, "call_1", "get_weather"),
                new StreamEvent.ToolCallDelta(0, 0, "{\"city\":\"Paris\"}"),
                new StreamEvent.ToolCallStart(0, 1, "call_2", "get_weather"),
                new StreamEvent.ToolCallDelta(0, 1, "{\"city\":\"Rome\"}"),
                new StreamEvent.Finish(0, FinishReason.TOOL_CALLS));
        assertThat(outcome).isInstanceOf(StreamOutcome.Complete.class);
        assertThat(Fixtures.tree(fake.lastRequest().body().getBytes()).at("/tools/0/functionDeclarations/0/name")
                .asText()).isEqualTo("get_weather");
    }

    @Test
    void parallelFunctionCallsRoundTripThroughTheStrictFake() {
        fake.enqueue(GeminiBehaviour.reply(200, GeminiChunks.functionCallAnswer(
                "{\"name\":\"get_weather\",\"args\":{\"city\":\"Paris\"}}",
                "{\"name\":\"get_weather\",\"args\":{\"city\":\"Rome\"}}")));
        var first = new ChatRequest("gemini-2.5-flash", List.of(Message.text(Role.USER, "Weather in Paris and Rome?")),
                Sampling.DEFAULTS, List.of(WEATHER), null, null, null, false, false, null, Map.of());
        var answer = provider().chat(first, notes).choices().getFirst();
        assertThat(answer.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        var calls = answer.message().toolCalls();
        assertThat(calls).extracting(ContentPart.ToolCall::arguments)
                .containsExactly("{\"city\":\"Paris\"}", "{\"city\":\"Rome\"}");
        var messages = new ArrayList<>(first.messages());
        messages.add(answer.message());
        for (var call : calls) { // one tool message per result, as OpenAI clients send them
            messages.add(new Message(Role.TOOL, List.of(new ContentPart.ToolResult(call.id(),
                    List.of(new ContentPart.Text("sunny in " + call.arguments())), false)), null));
        }
        var second = new ChatRequest("gemini-2.5-flash", messages, Sampling.DEFAULTS, List.of(WEATHER), null, null,
                null, false, false, null, Map.of());
        var reply = provider().chat(second, notes); // the fake checks that both responses answer the call turn
        assertThat(reply.choices().getFirst().message().joinedText()).startsWith("Echo: {\"result\":\"sunny in");
        var contents = Fixtures.tree(fake.lastRequest().body().getBytes()).get("contents");
        assertThat(contents).hasSize(3);
        assertThat(contents.get(2).get("parts")).hasSize(2);
    }

    @Test
    void jsonMode() {
        var request = new ChatRequest("gemini-2.5-flash", List.of(Message.text(Role.USER, "colours")),
                Sampling.DEFAULTS, List.of(), null, new ResponseFormat.JsonObject(), null, false, false, null, Map.of());
        var text = provider().chat(request, notes).choices().getFirst().message().joinedText();
        assertThat(Fixtures.tree(text.getBytes()).get("echo").asText()).isEqualTo("Echo: colours");
        assertThat(Fixtures.tree(fake.lastRequest().body().getBytes()).at("/generationConfig/responseMimeType")
                .asText()).isEqualTo("application/json");
    }

    @Test
    void safetyBlockWholeAndStreamed() {
        fake.enqueue(GeminiBehaviour.reply(200, new String(Fixtures.bytes("response/prompt-blocked.json"))),
                GeminiBehaviour.stream(List.of(GeminiChunks.safetyStopChunk()), 0));
        var response = provider().chat(hello("gemini-2.5-flash"), notes);
        assertThat(response.choices()).singleElement().satisfies(choice -> {
            assertThat(choice.finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
            assertThat(choice.message().parts()).isEmpty();
        });
        var events = new ArrayList<StreamEvent>();
        var outcome = provider().streamChat(hello("gemini-2.5-flash"), events::add, notes);
        assertThat(events).contains(new StreamEvent.Finish(0, FinishReason.CONTENT_FILTER));
        assertThat(outcome).isInstanceOf(StreamOutcome.Complete.class);
    }

    @Test
    void aStreamWithoutFinishReasonIsTruncated() {
        fake.enqueue(GeminiBehaviour.stream(List.of(GeminiChunks.textChunk("Hi", null)), 0));
        var outcome = provider().streamChat(hello("gemini-2.5-flash"), event -> { }, notes);
        assertThat(outcome).isEqualTo(new StreamOutcome.Truncated(null, StreamDecoder.TRUNCATED));
    }

    @Test
    void aStreamThatGoesSilentIsTruncatedByTheIdleTimeout() {
        fake.enqueue(GeminiBehaviour.stream(List.of(GeminiChunks.textChunk("Hi", null),
                GeminiChunks.textChunk(" late", "STOP")), 3_000));
        var timeouts = new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(300));
        var provider = provider(FakeGeminiUpstream.API_KEY, GeminiSettings.generativeLanguage(), timeouts);
        var outcome = provider.streamChat(hello("gemini-2.5-flash"), event -> { }, notes);
        assertThat(outcome).isEqualTo(new StreamOutcome.Truncated(null, StreamDecoder.IDLE));
    }

    @Test
    void rateLimitCarriesTheRetryDelay() {
        fake.enqueue(GeminiBehaviour.rateLimited(17));
        assertThatThrownBy(() -> provider().chat(hello("gemini-2.5-flash"), notes))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    var error = (ApiError.Upstream) e.error();
                    assertThat(error.status()).isEqualTo(429);
                    assertThat(error.retryAfterSeconds()).isEqualTo(17L);
                    assertThat(error.code()).isEqualTo("resource_exhausted");
                    assertThat(error.message()).doesNotContain("https://");
                });
        assertThat(notes.upstreamStatus()).isEqualTo(429);
    }

    @Test
    void serverErrorsMapTo502And503() {
        fake.enqueue(GeminiBehaviour.serverError(500), GeminiBehaviour.serverError(503));
        assertThatThrownBy(() -> provider().chat(hello("gemini-2.5-flash"), notes))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error().status()).isEqualTo(502));
        assertThatThrownBy(() -> provider().streamChat(hello("gemini-2.5-flash"), event -> { }, notes))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error().status()).isEqualTo(503));
    }

    @Test
    void aClientThatGoesAwayCancelsTheUpstream() throws InterruptedException {
        var chunks = new ArrayList<String>();
        for (int i = 0; i < 100; i++) {
            chunks.add(GeminiChunks.textChunk("t" + i, null));
        }
        fake.enqueue(GeminiBehaviour.stream(chunks, 50));
        var delivered = new ArrayList<StreamEvent>();
        var outcome = provider().streamChat(hello("gemini-2.5-flash"), event -> {
            if (event instanceof StreamEvent.TextDelta) {
                throw new ClientGoneException(new IOException("Broken pipe"));
            }
            delivered.add(event);
        }, notes);
        assertThat(outcome).isEqualTo(new StreamOutcome.ClientGone(null));
        assertThat(delivered).hasSize(1);
        assertThat(fake.awaitStreamsAbortedByPeer(1, Duration.ofSeconds(2))).isTrue();
        assertThat(fake.streamsCompleted()).isZero();
    }

    @Test
    void aRejectedKeyIsA502AndAMissingKeyIsGooglesOwn403() {
        var wrong = provider("AIzaWrongKeyWrongKeyWrongKeyWrongKey12345", GeminiSettings.generativeLanguage(),
                Timeouts.DEFAULTS);
        assertThatThrownBy(() -> wrong.chat(hello("gemini-2.5-flash"), notes))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(new ApiError.Upstream(
                        502, ErrorWire.AUTH_FAILED, "upstream_error", null, "upstream_auth_failed", null)));
        var none = provider(null, GeminiSettings.generativeLanguage(), Timeouts.DEFAULTS);
        assertThatThrownBy(() -> none.chat(hello("gemini-2.5-flash"), notes))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error().status()).isEqualTo(403));
        assertThat(fake.lastRequest().header("x-goog-api-key")).isEmpty();
    }

    @Test
    void unknownModelIs404() {
        assertThatThrownBy(() -> provider().chat(hello("gemini-9-ultra"), notes))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.error().status()).isEqualTo(404);
                    assertThat(((ApiError.Upstream) e.error()).code()).isEqualTo("model_not_found");
                });
    }

    @Test
    void embeddingsSingleAndBatch() {
        var single = provider().embed(new EmbeddingRequest("gemini-embedding-001", List.of("alpha"), null, null, 4,
                null, Map.of()), notes);
        assertThat(single.data()).containsExactly(new Embedding(0, Arrays.copyOf(
                FakeGeminiUpstream.embeddingFor("alpha"), 4)));
        assertThat(single.usage()).isEqualTo(new Usage(2, 0, 0, 0, true));
        assertThat(fake.lastRequest().path()).isEqualTo("/v1beta/models/gemini-embedding-001:embedContent");
        var batch = provider().embed(new EmbeddingRequest("gemini-embedding-001", List.of("alpha", "beta gamma"),
                null, "base64", null, null, Map.of()), notes);
        assertThat(batch.data()).containsExactly(new Embedding(0, FakeGeminiUpstream.embeddingFor("alpha")),
                new Embedding(1, FakeGeminiUpstream.embeddingFor("beta gamma")));
        assertThat(batch.usage()).isEqualTo(new Usage(5, 0, 0, 0, true));
        assertThat(fake.lastRequest().path()).isEqualTo("/v1beta/models/gemini-embedding-001:batchEmbedContents");
    }

    @Test
    void vertexAddressingWithABearerToken() {
        var response = vertex().chat(hello("gemini-2.5-flash"), notes);
        assertThat(response.choices().getFirst().message().joinedText()).isEqualTo("Echo: Hello there");
        var sent = fake.lastRequest();
        assertThat(sent.path()).isEqualTo("/v1/projects/fake-project/locations/us-central1/publishers/google/models/"
                + "gemini-2.5-flash:generateContent");
        assertThat(sent.header("authorization")).hasValue("Bearer " + FakeGeminiUpstream.ACCESS_TOKEN);
        assertThat(sent.header("x-goog-api-key")).isEmpty();
        var events = new ArrayList<StreamEvent>();
        assertThat(vertex().streamChat(hello("gemini-2.5-flash"), events::add, notes))
                .isInstanceOf(StreamOutcome.Complete.class);
        assertThat(fake.lastRequest().path()).endsWith(":streamGenerateContent");
        var embeddings = vertex().embed(new EmbeddingRequest("gemini-embedding-001", List.of("one two", "three"),
                null, null, null, null, Map.of()), notes);
        assertThat(embeddings.data()).hasSize(2);
        assertThat(embeddings.usage()).isEqualTo(Usage.of(3, 0)); // Vertex reports its counts: no estimate
        assertThat(fake.requests().subList(fake.requests().size() - 2, fake.requests().size()))
                .allSatisfy(r -> assertThat(r.path()).endsWith("gemini-embedding-001:embedContent"));
    }

    @Test
    void anExpiredVertexTokenIsA502() {
        var stale = provider("ya29.expired-token-xyz", GeminiSettings.vertex(FakeGeminiUpstream.PROJECT,
                FakeGeminiUpstream.LOCATION), Timeouts.DEFAULTS);
        assertThatThrownBy(() -> stale.chat(hello("gemini-2.5-flash"), notes))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.error().status()).isEqualTo(502);
                    assertThat(e.getMessage()).doesNotContain("ya29");
                });
    }

    @Test
    void legacyCompletionsAsOneUserMessage() {
        var request = new CompletionRequest("gemini-2.5-flash", List.of("Say hi"), Sampling.DEFAULTS.withMaxTokens(5),
                false, false, null, Map.of());
        var response = provider().complete(request, notes);
        assertThat(response.choices().getFirst().text()).isEqualTo("Echo: Say hi");
        var events = new ArrayList<StreamEvent>();
        var outcome = provider().streamComplete(request, events::add, notes);
        assertThat(events).contains(new StreamEvent.TextDelta(0, " hi"), new StreamEvent.Finish(0, FinishReason.STOP));
        assertThat(outcome).isEqualTo(new StreamOutcome.Complete(Usage.of(2, 3)));
        assertThatThrownBy(() -> provider().complete(new CompletionRequest("gemini-2.5-flash", List.of("a", "b"),
                Sampling.DEFAULTS, false, false, null, Map.of()), notes)).isInstanceOf(ApiException.class);
    }

    @Test
    void anInvalidRequestIsRefusedBeforeAnythingIsSent() {
        var badModel = hello("../../v1/other");
        assertThatThrownBy(() -> provider().chat(badModel, notes)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(((ApiError.InvalidRequest) e.error()).param()).isEqualTo("model"));
        assertThat(fake.requests()).isEmpty();
    }
}
