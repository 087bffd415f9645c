package dev.warden.provider.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import dev.warden.llm.ChatRequest;
import dev.warden.llm.ClientGoneException;
import dev.warden.llm.CompletionRequest;
import dev.warden.llm.Embedding;
import dev.warden.llm.EmbeddingRequest;
import dev.warden.llm.FinishReason;
import dev.warden.llm.Message;
import dev.warden.llm.RawJson;
import dev.warden.llm.Role;
import dev.warden.llm.Sampling;
import dev.warden.llm.StreamEvent;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.Usage;
import dev.warden.provider.CallNotes;
import dev.warden.provider.Endpoint;
import dev.warden.provider.Timeouts;
import dev.warden.provider.UpstreamClient;
import dev.warden.testkit.BedrockBehaviour;
import dev.warden.testkit.BedrockEventStreamEncoder;
import dev.warden.testkit.FakeBedrockUpstream;
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

/** The provider against the strict fake Bedrock on loopback, through the real upstream client. */
@Timeout(20)
class BedrockProviderTest {
    private static final String CLAUDE = "us.anthropic.claude-3-5-sonnet-20241022-v2:0";
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2025-01-15T10:00:00Z"));
    private final FakeBedrockUpstream fake = FakeBedrockUpstream.start();
    private final UpstreamClient client = UpstreamClient.create();
    private final CallNotes notes = new CallNotes();

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    private Endpoint endpoint() {
        return new Endpoint("bedrock", fake.baseUrl(), null, Map.of(), Timeouts.DEFAULTS);
    }

    private BedrockProvider provider(AwsCredentials credentials) {
        return BedrockProvider.create(endpoint(), new BedrockSettings(FakeBedrockUpstream.REGION, credentials, null,
                1024), client, CLOCK);
    }

    private BedrockProvider signed() {
        return provider(new AwsCredentials(FakeBedrockUpstream.ACCESS_KEY_ID, FakeBedrockUpstream.SECRET, null));
    }

    private static ChatRequest hello(String model) {
        return new ChatRequest(model, List.of(Message.text(Role.USER, "Hello there")),
                Sampling.DEFAULTS.withMaxTokens(50), List.of(), null, null, null, false, false, null, Map.of());
    }

    @Test
    void chatSignedWithSigV4ForAnInferenceProfileId() {
        var response = signed().chat(hello(CLAUDE), notes);
        assertThat(response.choices().getFirst().message()).isEqualTo(Message.text(Role.ASSISTANT,
                "Echo: Hello there"));
        assertThat(response.choices().getFirst().finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.usage()).isEqualTo(Usage.of(2, 3));
        assertThat(response.id()).isEqualTo("req-fake-1");
        assertThat(response.created()).isEqualTo(CLOCK.instant().getEpochSecond());
        assertThat(notes.upstreamStatus()).isEqualTo(200);
        assertThat(notes.upstreamRequestId()).isEqualTo("req-fake-1");
        var sent = fake.lastRequest();
        assertThat(sent.path()).isEqualTo("/model/us.anthropic.claude-3-5-sonnet-20241022-v2%3A0/converse");
        assertThat(sent.header("x-amz-date")).hasValue("20250115T100000Z");
        assertThat(sent.header("authorization")).get().asString().startsWith("AWS4-HMAC-SHA256 Credential="
                + FakeBedrockUpstream.ACCESS_KEY_ID + "/20250115/us-east-1/bedrock/aws4_request");
    }

    @Test
    void chatWithTemporaryCredentialsSendsTheSessionToken() {
        var provider = provider(new AwsCredentials(FakeBedrockUpstream.ACCESS_KEY_ID, FakeBedrockUpstream.SECRET,
                FakeBedrockUpstream.SESSION_TOKEN));
        assertThat(provider.chat(hello("anthropic.claude-3-haiku-20240307-v1:0"), notes).usage())
                .isEqualTo(Usage.of(2, 3));
        assertThat(fake.lastRequest().header("x-amz-security-token")).hasValue(FakeBedrockUpstream.SESSION_TOKEN);
    }

    @Test
    void chatWithABedrockApiKey() {
        var provider = BedrockProvider.create(endpoint(), new BedrockSettings(FakeBedrockUpstream.REGION, null,
                FakeBedrockUpstream.BEARER, 1024), client, CLOCK);
        assertThat(provider.chat(hello(CLAUDE), notes).choices()).hasSize(1);
        assertThat(fake.lastRequest().header("authorization")).hasValue("Bearer " + FakeBedrockUpstream.BEARER);
        assertThat(fake.lastRequest().header("x-amz-date")).isEmpty();
    }

    @Test
    void aWrongSecretIsA502AndNeverEchoesTheCredentials() {
        var provider = provider(new AwsCredentials(FakeBedrockUpstream.ACCESS_KEY_ID, "wrong-secret-for-this-test",
                null));
        assertThatThrownBy(() -> provider.chat(hello(CLAUDE), notes)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.error()).isEqualTo(new ApiError.Upstream(502, ErrorWire.AUTH_FAILED,
                        "upstream_error", null, "upstream_auth_failed", null)));
        assertThat(notes.upstreamStatus()).isEqualTo(403);
    }

    @Test
    void aConversationBedrockRejectsIsA400WithBedrocksMessage() {
        var request = new ChatRequest(CLAUDE, List.of(Message.text(Role.ASSISTANT, "I start")), Sampling.DEFAULTS,
                List.of(), null, null, null, false, false, null, Map.of());
        assertThatThrownBy(() -> signed().chat(request, notes)).isInstanceOfSatisfying(ApiException.class, e -> {
            var error = (ApiError.Upstream) e.error();
            assertThat(error.status()).isEqualTo(400);
            assertThat(error.code()).isEqualTo("ValidationException");
            assertThat(error.message()).startsWith("A conversation must start with a user message.");
        });
    }

    @Test
    void throttlingIsA429() {
        fake.enqueue(BedrockBehaviour.throttled());
        assertThatThrownBy(() -> signed().chat(hello(CLAUDE), notes)).isInstanceOfSatisfying(ApiException.class,
                e -> {
                    var error = (ApiError.Upstream) e.error();
                    assertThat(error.status()).isEqualTo(429);
                    assertThat(error.code()).isEqualTo("ThrottlingException");
                    assertThat(error.message()).isEqualTo("Too many requests, please wait before trying again.");
                });
    }

    @Test
    void streamText() {
        var events = new ArrayList<StreamEvent>();
        var outcome = signed().streamChat(hello(CLAUDE), events::add, notes);
        var usage = Usage.of(2, 3);
        assertThat(events).containsExactly(
                new StreamEvent.Start("req-fake-1", CLAUDE, CLOCK.instant().getEpochSecond()),
                new StreamEvent.TextDelta(0, "Echo:"), new StreamEvent.TextDelta(0, " Hello"),
                new StreamEvent.TextDelta(0, " there"), new StreamEvent.Finish(0, FinishReason.STOP),
                new StreamEvent.UsageReport(usage, null));
        assertThat(outcome).isEqualTo(new StreamOutcome.Complete(usage));
        assertThat(fake.lastRequest().path()).endsWith("/converse-stream");
        assertThat(fake.lastRequest().header("accept")).hasValue("application/vnd.amazon.eventstream");
    }

    static List<byte[]> toolFrames() {
        return List.of(
                BedrockEventStreamEncoder.event("messageStart", "{\"role\":\"assistant\"}"),
                BedrockEventStreamEncoder.event("contentBlockDelta",
                        "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Let me check.\"}}"),
                BedrockEventStreamEncoder.event("contentBlockStop", "{\"contentBlockIndex\":0}"),
                BedrockEventStreamEncoder.event("contentBlockStart", "{\"contentBlockIndex\":1,\"start\":"
                        + "{\"toolUse\":{\"toolUseId\":\"tooluse_abc\",\"name\":\"get_weather\"}}}"),
                BedrockEventStreamEncoder.event("contentBlockDelta",
                        "{\"contentBlockIndex\":1,\"delta\":{\"toolUse\":{\"input\":\"{\\\"city\\\":\"}}}"),
                BedrockEventStreamEncoder.event("contentBlockDelta",
                        "{\"contentBlockIndex\":1,\"delta\":{\"toolUse\":{\"input\":\"\\\"Paris\\\"}\"}}}"),
                BedrockEventStreamEncoder.event("contentBlockStop", "{\"contentBlockIndex\":1}"),
                BedrockEventStreamEncoder.event("messageStop", "{\"stopReason\":\"tool_use\"}"),
                BedrockEventStreamEncoder.event("metadata", "{\"usage\":{\"inputTokens\":20,\"outputTokens\":9,"
                        + "\"totalTokens\":29},\"metrics\":{\"latencyMs\":300}}"));
    }

    @Test
    void streamToolUseDeltas() {
        fake.enqueue(BedrockBehaviour.stream(toolFrames(), 0));
        var events = new ArrayList<StreamEvent>();
        var outcome = signed().streamChat(hello(CLAUDE), events::add, notes);
        assertThat(events).containsExactly(
                new StreamEvent.Start("req-fake-1", CLAUDE, CLOCK.instant().getEpochSecond()),
                new StreamEvent.TextDelta(0, "Let me check."),
                new StreamEvent.ToolCallStart(0, 0, "tooluse_abc", "get_weather"),
                new StreamEvent.ToolCallDelta(0, 0, "{\"city\":"),
                new StreamEvent.ToolCallDelta(0, 0, "\"Paris\"}"),
                new StreamEvent.Finish(0, FinishReason.TOOL_CALLS),
                new StreamEvent.UsageReport(Usage.of(20, 9), null));
        assertThat(outcome).isEqualTo(new StreamOutcome.Complete(Usage.of(20, 9)));
    }

    @Test
    void inStreamExceptionFails() {
        fake.enqueue(BedrockBehaviour.stream(List.of(
                BedrockEventStreamEncoder.event("messageStart", "{\"role\":\"assistant\"}"),
                BedrockEventStreamEncoder.event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":"
                        + "{\"text\":\"Hi\"}}"),
                BedrockEventStreamEncoder.exception("modelStreamErrorException", "The model failed mid-answer.")),
                0));
        var events = new ArrayList<StreamEvent>();
        var outcome = signed().streamChat(hello(CLAUDE), events::add, notes);
        assertThat(outcome).isEqualTo(new StreamOutcome.Failed(null, new ApiError.Upstream(502,
                "The model failed mid-answer.", "upstream_error", null, "modelStreamErrorException", null)));
        assertThat(events).hasSize(2);
    }

    @Test
    void aStreamCutBeforeMessageStopIsTruncated() {
        fake.enqueue(BedrockBehaviour.stream(toolFrames().subList(0, 5), 0));
        var events = new ArrayList<StreamEvent>();
        var outcome = signed().streamChat(hello(CLAUDE), events::add, notes);
        assertThat(outcome).isEqualTo(new StreamOutcome.Truncated(null, ConverseStreamDecoder.TRUNCATED));
        assertThat(events.getLast()).isEqualTo(new StreamEvent.ToolCallDelta(0, 0, "{\"city\":"));
    }

    @Test
    void aStreamCutInsideAFrameIsTruncated() {
        var frames = new ArrayList<>(toolFrames().subList(0, 2));
        var third = toolFrames().get(2);
        frames.add(Arrays.copyOf(third, third.length - 5));
        fake.enqueue(BedrockBehaviour.stream(frames, 0));
        var outcome = signed().streamChat(hello(CLAUDE), e -> { }, notes);
        assertThat(outcome).isEqualTo(new StreamOutcome.Truncated(null, ConverseStreamDecoder.TRUNCATED));
    }

    @Test
    void clientGoneCancelsTheUpstream() throws InterruptedException {
        var frames = new ArrayList<byte[]>();
        frames.add(BedrockEventStreamEncoder.event("messageStart", "{\"role\":\"assistant\"}"));
        for (int i = 0; i < 200; i++) {
            frames.add(BedrockEventStreamEncoder.event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":"
                    + "{\"text\":\"word " + i + " \"}}"));
        }
        fake.enqueue(BedrockBehaviour.stream(frames, 20));
        var seen = new ArrayList<StreamEvent>();
        var outcome = signed().streamChat(hello(CLAUDE), event -> {
            seen.add(event);
            if (seen.size() == 3) {
                throw new ClientGoneException(new java.io.IOException("broken pipe"));
            }
        }, notes);
        assertThat(outcome).isEqualTo(new StreamOutcome.ClientGone(null));
        assertThat(fake.awaitStreamsAbortedByPeer(1, Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void embeddingsThroughCohere() {
        var request = new EmbeddingRequest("cohere.embed-english-v3", List.of("alpha beta", "gamma"), null, null,
                null, null, Map.of());
        var response = signed().embed(request, notes);
        assertThat(response.data()).containsExactly(
                new Embedding(0, FakeBedrockUpstream.embeddingFor("alpha beta")),
                new Embedding(1, FakeBedrockUpstream.embeddingFor("gamma")));
        assertThat(response.usage()).isEqualTo(Usage.of(3, 0));
        assertThat(fake.lastRequest().path()).isEqualTo("/model/cohere.embed-english-v3/invoke");
        assertThat(fake.lastRequest().body()).contains("\"input_type\":\"search_document\"");
    }

    @Test
    void aDeploymentThatDropsUnsupportedParamsSendsTheRestAndReportsTheDropped() {
        var endpoint = new Endpoint("bedrock", fake.baseUrl(), null, Map.of(), Timeouts.DEFAULTS, true);
        var provider = BedrockProvider.create(endpoint, new BedrockSettings(FakeBedrockUpstream.REGION,
                new AwsCredentials(FakeBedrockUpstream.ACCESS_KEY_ID, FakeBedrockUpstream.SECRET, null), null, 1024),
                client, CLOCK);
        var chat = hello(CLAUDE).withSampling(new Sampling(null, null, 50, List.of(), 7L, null, null, null, null))
                .withExtra(Map.of("logprobs", RawJson.of("true")));
        assertThat(provider.chat(chat, notes).choices()).hasSize(1);
        assertThat(notes.droppedParams()).containsExactly("seed", "logprobs");
        assertThat(fake.lastRequest().body()).doesNotContain("seed").doesNotContain("logprobs");

        var embedNotes = new CallNotes();
        var embed = new EmbeddingRequest("amazon.titan-embed-text-v2:0", List.of("four"), null, null, null, "u-1",
                Map.of("input_type", RawJson.of("\"query\""), "normalize", RawJson.of("true")));
        assertThat(provider.embed(embed, embedNotes).data()).hasSize(1);
        assertThat(embedNotes.droppedParams()).containsExactly("input_type", "user");
        assertThat(fake.lastRequest().body()).isEqualTo("{\"inputText\":\"four\",\"normalize\":true}");
    }

    @Test
    void aDeploymentThatRefusesUnsupportedParamsSendsNothing() {
        var embed = new EmbeddingRequest("amazon.titan-embed-text-v2:0", List.of("four"), null, null, null, null,
                Map.of("input_type", RawJson.of("\"query\"")));
        assertThatThrownBy(() -> signed().embed(embed, notes)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(((ApiError.InvalidRequest) e.error()).param()).isEqualTo("input_type"));
        var chat = hello(CLAUDE).withSampling(new Sampling(null, null, 50, List.of(), 7L, null, null, null, null));
        assertThatThrownBy(() -> signed().chat(chat, notes)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(((ApiError.InvalidRequest) e.error()).param()).isEqualTo("seed"));
        assertThat(notes.droppedParams()).isEmpty();
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void embeddingsThroughTitanOneCallPerInput() {
        var request = new EmbeddingRequest("amazon.titan-embed-text-v2:0", List.of("one two three", "four"), null,
                null, 256, null, Map.of());
        var response = signed().embed(request, notes);
        assertThat(response.data()).containsExactly(
                new Embedding(0, FakeBedrockUpstream.embeddingFor("one two three")),
                new Embedding(1, FakeBedrockUpstream.embeddingFor("four")));
        assertThat(response.usage()).isEqualTo(Usage.of(4, 0));
        assertThat(fake.requests()).hasSize(2);
        assertThat(fake.requests().getFirst().body()).isEqualTo("{\"inputText\":\"one two three\",\"dimensions\":256}");
        assertThat(fake.lastRequest().path()).isEqualTo("/model/amazon.titan-embed-text-v2%3A0/invoke");
    }

    @Test
    void embeddingsForOtherModelsAre400() {
        var request = new EmbeddingRequest(CLAUDE, List.of("x"), null, null, null, null, Map.of());
        assertThatThrownBy(() -> signed().embed(request, notes)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.error()).isInstanceOfSatisfying(ApiError.InvalidRequest.class,
                        error -> assertThat(error.param()).isEqualTo("model")));
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void legacyCompletionGoesThroughConverse() {
        var request = new CompletionRequest(CLAUDE, List.of("Say hi"), Sampling.DEFAULTS, false, false, null,
                Map.of());
        var response = signed().complete(request, notes);
        assertThat(response.choices()).containsExactly(new dev.warden.llm.CompletionResponse.TextChoice(0,
                "Echo: Say hi", FinishReason.STOP));
        assertThat(fake.lastRequest().path()).endsWith("/converse");
    }
}
