package dev.warden.provider.openaicompat;

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
import dev.warden.llm.Role;
import dev.warden.llm.Sampling;
import dev.warden.llm.StreamEvent;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.Usage;
import dev.warden.provider.CallNotes;
import dev.warden.provider.Endpoint;
import dev.warden.provider.Timeouts;
import dev.warden.provider.UpstreamClient;
import dev.warden.testkit.FakeBehaviour;
import dev.warden.testkit.FakeOpenAiUpstream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The provider against the strict fake upstream on loopback, through the real upstream client. */
@Timeout(20)
class OpenAiCompatProviderTest {
    private final FakeOpenAiUpstream fake = FakeOpenAiUpstream.start();
    private final UpstreamClient client = UpstreamClient.create();
    private final CallNotes notes = new CallNotes();

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    private Endpoint endpoint(Timeouts timeouts) {
        return new Endpoint("fake", fake.baseUrl(), fake.apiKey(), Map.of("OpenAI-Organization", "org-test"),
                timeouts);
    }

    private OpenAiCompatProvider provider() {
        return OpenAiCompatProvider.create(endpoint(Timeouts.DEFAULTS), Dialects.OPENAI, client);
    }

    private static ChatRequest hello(String model) {
        return new ChatRequest(model, List.of(Message.text(Role.USER, "Hello there")),
                Sampling.DEFAULTS.withMaxTokens(50), List.of(), null, null, null, false, false, null, Map.of());
    }

    @Test
    void chat() {
        var response = provider().chat(hello("gpt-4o-mini"), notes);
        assertThat(response.choices().getFirst().message()).isEqualTo(Message.text(Role.ASSISTANT,
                "Echo: Hello there"));
        assertThat(response.choices().getFirst().finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.usage()).isEqualTo(Usage.of(2, 3));
        assertThat(notes.upstreamStatus()).isEqualTo(200);
        assertThat(notes.upstreamRequestId()).isEqualTo("req_fake_200");
        var sent = fake.lastRequest();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.header("authorization")).hasValue("Bearer " + fake.apiKey());
        assertThat(sent.header("openai-organization")).hasValue("org-test");
        assertThat(sent.header("content-type")).hasValue("application/json");
        assertThat(Fixtures.tree(sent.body().getBytes()).get("max_completion_tokens").asInt()).isEqualTo(50);
    }

    @Test
    void streamChat() {
        var events = new ArrayList<StreamEvent>();
        var outcome = provider().streamChat(hello("gpt-4o-mini"), events::add, notes);
        var usage = Usage.of(2, 3);
        assertThat(events).containsExactly(
                new StreamEvent.Start("chatcmpl-fake-1", "gpt-4o-mini", 1_700_000_000L),
                new StreamEvent.TextDelta(0, "Echo:"), new StreamEvent.TextDelta(0, " Hello"),
                new StreamEvent.TextDelta(0, " there"), new StreamEvent.Finish(0, FinishReason.STOP),
                new StreamEvent.UsageReport(usage, "fp_fake"));
        assertThat(outcome).isEqualTo(new StreamOutcome.Complete(usage));
        assertThat(fake.lastRequest().header("accept")).hasValue("text/event-stream");
        assertThat(notes.upstreamRequestId()).isEqualTo("req_fake_stream");
    }

    @Test
    void unknownModelIs404WithItsCode() {
        assertThatThrownBy(() -> provider().chat(hello("gpt-9"), notes)).isInstanceOfSatisfying(ApiException.class,
                e -> {
                    var error = (ApiError.Upstream) e.error();
                    assertThat(error.status()).isEqualTo(404);
                    assertThat(error.code()).isEqualTo("model_not_found");
                });
        assertThat(notes.upstreamStatus()).isEqualTo(404);
    }

    @Test
    void aRejectedGatewayKeyIsA502AndNeverEchoesTheKey() {
        var endpoint = new Endpoint("fake", fake.baseUrl(), "sk-wrong-key-for-this-test", Map.of(),
                Timeouts.DEFAULTS);
        var provider = OpenAiCompatProvider.create(endpoint, Dialects.OPENAI, client);
        assertThatThrownBy(() -> provider.chat(hello("gpt-4o-mini"), notes))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.error()).isEqualTo(new ApiError.Upstream(502, ErrorWire.AUTH_FAILED,
                            "upstream_error", null, "upstream_auth_failed", null));
                });
    }

    @Test
    void noKeyMeansNoAuthorizationHeader() {
        var endpoint = new Endpoint("fake", fake.baseUrl(), null, Map.of(), Timeouts.DEFAULTS);
        assertThatThrownBy(() -> OpenAiCompatProvider.create(endpoint, Dialects.VLLM, client)
                .chat(hello("gpt-4o-mini"), notes)).isInstanceOf(ApiException.class);
        assertThat(fake.lastRequest().header("authorization")).isEmpty();
    }

    @Test
    void rateLimitCarriesRetryAfter() {
        fake.enqueue(FakeBehaviour.rateLimited("7"));
        assertThatThrownBy(() -> provider().chat(hello("gpt-4o-mini"), notes))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    var error = (ApiError.Upstream) e.error();
                    assertThat(error.status()).isEqualTo(429);
                    assertThat(error.retryAfterSeconds()).isEqualTo(7L);
                    assertThat(error.code()).isEqualTo("rate_limit_exceeded");
                });
    }

    @Test
    void serverErrorsMapTo502And503() {
        fake.enqueue(FakeBehaviour.serverError(500), FakeBehaviour.serverError(503));
        assertThatThrownBy(() -> provider().chat(hello("gpt-4o-mini"), notes))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error().status()).isEqualTo(502));
        assertThatThrownBy(() -> provider().streamChat(hello("gpt-4o-mini"), event -> { }, notes))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error().status()).isEqualTo(503));
    }

    @Test
    void firstByteTimeoutIsAnUpstreamTimeout() {
        fake.enqueue(FakeBehaviour.hang(3_000));
        var timeouts = new Timeouts(Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofSeconds(5));
        var provider = OpenAiCompatProvider.create(endpoint(timeouts), Dialects.OPENAI, client);
        assertThatThrownBy(() -> provider.chat(hello("gpt-4o-mini"), notes))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.error()).isInstanceOf(ApiError.UpstreamTimeout.class));
    }

    @Test
    void aStreamThatGoesSilentIsTruncatedByTheIdleTimeout() {
        fake.enqueue(FakeBehaviour.stream(List.of(chunk("Hi"), chunk(" late")), 3_000));
        var timeouts = new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(300));
        var provider = OpenAiCompatProvider.create(endpoint(timeouts), Dialects.OPENAI, client);
        var events = new ArrayList<StreamEvent>();
        long started = System.nanoTime();
        var outcome = provider.streamChat(hello("gpt-4o-mini"), events::add, notes);
        assertThat(outcome).isEqualTo(new StreamOutcome.Truncated(null, StreamDecoder.IDLE));
        assertThat(events).contains(new StreamEvent.TextDelta(0, "Hi")).doesNotContain(
                new StreamEvent.TextDelta(0, " late"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
    }

    @Test
    void aStreamCutBeforeDoneIsTruncated() {
        fake.enqueue(FakeBehaviour.streamThenCut(List.of(chunk("Hi")), 0));
        var outcome = provider().streamChat(hello("gpt-4o-mini"), event -> { }, notes);
        assertThat(outcome).isEqualTo(new StreamOutcome.Truncated(null, StreamDecoder.TRUNCATED));
    }

    @Test
    void anErrorInsideTheStreamFailsIt() {
        fake.enqueue(FakeBehaviour.stream(List.of(chunk("Hi"),
                "{\"error\":{\"message\":\"boom\",\"type\":\"server_error\",\"code\":null}}"), 0));
        var outcome = provider().streamChat(hello("gpt-4o-mini"), event -> { }, notes);
        assertThat(outcome).isEqualTo(new StreamOutcome.Failed(null,
                new ApiError.Upstream(502, "boom", "upstream_error", null, null, null)));
    }

    @Test
    void aClientThatGoesAwayCancelsTheUpstream() throws InterruptedException {
        var chunks = new ArrayList<String>();
        for (int i = 0; i < 100; i++) {
            chunks.add(chunk("t" + i));
        }
        fake.enqueue(FakeBehaviour.stream(chunks, 50));
        var delivered = new ArrayList<StreamEvent>();
        var outcome = provider().streamChat(hello("gpt-4o-mini"), event -> {
            if (event instanceof StreamEvent.TextDelta) {
                throw new ClientGoneException(new IOException("Broken pipe"));
            }
            delivered.add(event);
        }, notes);
        assertThat(outcome).isEqualTo(new StreamOutcome.ClientGone(null));
        assertThat(delivered).hasSize(1);
        // 100 chunks at 50 ms would take 5 s; the fake must see the hang-up long before.
        assertThat(fake.awaitStreamsAbortedByPeer(1, Duration.ofSeconds(2))).isTrue();
        assertThat(fake.streamsCompleted()).isZero();
    }

    @Test
    void connectionRefusedIsA502() throws IOException {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var endpoint = new Endpoint("gone", URI.create("http://127.0.0.1:" + port + "/v1"), "sk-x", Map.of(),
                Timeouts.DEFAULTS);
        assertThatThrownBy(() -> OpenAiCompatProvider.create(endpoint, Dialects.OPENAI, client)
                .chat(hello("gpt-4o-mini"), notes)).isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.error().status()).isEqualTo(502);
                    assertThat(e.error().message()).doesNotContain(String.valueOf(port));
                });
        assertThat(notes.upstreamStatus()).isZero();
    }

    @Test
    void embeddingsFloatAndBase64() {
        var floats = provider().embed(new EmbeddingRequest("text-embedding-3-small", List.of("alpha", "beta gamma"),
                null, null, null, null, Map.of()), notes);
        assertThat(floats.data()).containsExactly(new Embedding(0, FakeOpenAiUpstream.embeddingFor("alpha")),
                new Embedding(1, FakeOpenAiUpstream.embeddingFor("beta gamma")));
        assertThat(floats.usage()).isEqualTo(Usage.of(3, 0));
        assertThat(fake.lastRequest().path()).isEqualTo("/v1/embeddings");
        var base64 = provider().embed(new EmbeddingRequest("text-embedding-3-small", List.of("alpha"), null,
                "base64", null, null, Map.of()), notes);
        assertThat(base64.data()).containsExactly(new Embedding(0, FakeOpenAiUpstream.embeddingFor("alpha")));
    }

    @Test
    void legacyCompletionsWholeAndStreamed() {
        var request = new CompletionRequest("gpt-3.5-turbo-instruct", List.of("Say hi"),
                Sampling.DEFAULTS.withMaxTokens(5), false, false, null, Map.of());
        var response = provider().complete(request, notes);
        assertThat(response.choices().getFirst().text()).isEqualTo("Echo: Say hi");
        assertThat(Fixtures.tree(fake.lastRequest().body().getBytes()).get("max_tokens").asInt()).isEqualTo(5);
        var events = new ArrayList<StreamEvent>();
        var outcome = provider().streamComplete(request, events::add, notes);
        assertThat(events).contains(new StreamEvent.TextDelta(0, "Echo:"), new StreamEvent.TextDelta(0, " hi"),
                new StreamEvent.Finish(0, FinishReason.STOP));
        assertThat(outcome).isEqualTo(new StreamOutcome.Complete(Usage.of(2, 3)));
        assertThat(fake.lastRequest().path()).isEqualTo("/v1/completions");
    }

    @Test
    void toolResultsRoundTripThroughTheStrictFake() {
        var messages = List.of(Message.text(Role.USER, "Weather?"),
                new Message(Role.ASSISTANT, List.of(new ContentPart.ToolCall("call_1", "w", "{}")), null),
                new Message(Role.TOOL, List.of(new ContentPart.ToolResult("call_1",
                        List.of(new ContentPart.Text("sunny")), false)), null),
                Message.text(Role.DEVELOPER, "Be brief."));
        var request = new ChatRequest("gpt-4o", messages, Sampling.DEFAULTS, List.of(), null, null, null, false,
                false, null, Map.of());
        assertThat(provider().chat(request, notes).choices()).hasSize(1);
    }

    @Test
    void anOperationTheDialectLacksIsRefusedWithoutCallingUpstream() {
        var provider = OpenAiCompatProvider.create(endpoint(Timeouts.DEFAULTS), Dialects.GROQ, client);
        assertThatThrownBy(() -> provider.embed(new EmbeddingRequest("m", List.of("x"), null, null, null, null,
                Map.of()), notes)).isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.error()).isInstanceOf(ApiError.InvalidRequest.class));
        assertThatThrownBy(() -> provider.complete(new CompletionRequest("m", List.of("x"), Sampling.DEFAULTS,
                false, false, null, Map.of()), notes)).isInstanceOf(ApiException.class);
        assertThat(fake.requests()).isEmpty();
    }

    private static String chunk(String text) {
        return "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + text + "\"},\"finish_reason\":null}]}";
    }
}
