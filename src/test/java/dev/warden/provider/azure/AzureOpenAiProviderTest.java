package dev.warden.provider.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import dev.warden.llm.ChatRequest;
import dev.warden.llm.Embedding;
import dev.warden.llm.EmbeddingRequest;
import dev.warden.llm.Message;
import dev.warden.llm.Role;
import dev.warden.llm.Sampling;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.Usage;
import dev.warden.provider.CallNotes;
import dev.warden.provider.Endpoint;
import dev.warden.provider.Timeouts;
import dev.warden.provider.UpstreamClient;
import dev.warden.provider.openaicompat.Addressing;
import dev.warden.testkit.FakeOpenAiUpstream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class AzureOpenAiProviderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FakeOpenAiUpstream fake = FakeOpenAiUpstream.start().addModel("prod-gpt4o");
    private final UpstreamClient client = UpstreamClient.create();
    private final CallNotes notes = new CallNotes();

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    private AzureOpenAiProvider provider(String apiVersion) {
        return AzureOpenAiProvider.create(new Endpoint("azure", fake.rootUrl(), fake.apiKey(), Map.of(),
                Timeouts.DEFAULTS), apiVersion, client);
    }

    private static ChatRequest hello(String deployment) {
        return new ChatRequest(deployment, List.of(Message.text(Role.DEVELOPER, "Be nice."),
                Message.text(Role.USER, "Hello")), Sampling.DEFAULTS.withMaxTokens(20), List.of(), null, null, null,
                false, false, null, Map.of());
    }

    @Test
    void chatGoesToTheDeploymentUrlWithApiVersionAndApiKey() throws Exception {
        var response = provider("2024-10-21").chat(hello("prod-gpt4o"), notes);
        assertThat(response.choices().getFirst().message().joinedText()).isEqualTo("Echo: Hello");
        var sent = fake.lastRequest();
        assertThat(sent.path()).isEqualTo("/openai/deployments/prod-gpt4o/chat/completions");
        assertThat(sent.query()).isEqualTo("api-version=2024-10-21");
        assertThat(sent.header("api-key")).hasValue(fake.apiKey());
        assertThat(sent.header("authorization")).isEmpty();
        var body = JSON.readTree(sent.body());
        assertThat(body.get("max_tokens").asInt()).isEqualTo(20); // no rename: older api-versions lack the new name
        assertThat(body.get("messages").get(0).get("role").asText()).isEqualTo("system");
    }

    @Test
    void streamsAskForUsageFromTheFirstApiVersionThatSupportsIt() throws Exception {
        var outcome = provider("2024-10-21").streamChat(hello("prod-gpt4o"), event -> { }, notes);
        assertThat(outcome).isEqualTo(new StreamOutcome.Complete(Usage.of(3, 2)));
        assertThat(JSON.readTree(fake.lastRequest().body()).has("stream_options")).isTrue();

        var older = provider("2024-06-01").streamChat(hello("prod-gpt4o"), event -> { }, notes);
        assertThat(older).isEqualTo(new StreamOutcome.Complete(null));
        assertThat(JSON.readTree(fake.lastRequest().body()).has("stream_options")).isFalse();
    }

    @Test
    void embeddingsUseTheirOwnDeploymentPath() {
        fake.addModel("embed-small");
        var response = provider("2024-10-21").embed(new EmbeddingRequest("embed-small", List.of("x"), null, null,
                null, null, Map.of()), notes);
        assertThat(response.data()).containsExactly(new Embedding(0, FakeOpenAiUpstream.embeddingFor("x")));
        assertThat(fake.lastRequest().path()).isEqualTo("/openai/deployments/embed-small/embeddings");
    }

    @Test
    void unknownDeploymentIs404AndABadKeyIs502() {
        assertThatThrownBy(() -> provider("2024-10-21").chat(hello("nope"), notes))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.error().status()).isEqualTo(404);
                    assertThat(((ApiError.Upstream) e.error()).code()).isEqualTo("DeploymentNotFound");
                });
        var badKey = AzureOpenAiProvider.create(new Endpoint("azure", fake.rootUrl(), "wrong-key-123", Map.of(),
                Timeouts.DEFAULTS), "2024-10-21", client);
        assertThatThrownBy(() -> badKey.chat(hello("prod-gpt4o"), notes)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(((ApiError.Upstream) e.error()).code()).isEqualTo("upstream_auth_failed"));
    }

    @Test
    void deploymentNamesAndVersionsAreEncodedIntoTheUrl() {
        var endpoint = new Endpoint("azure", URI.create("https://res.openai.azure.com/"), "k", Map.of(),
                Timeouts.DEFAULTS);
        var addressing = new AzureAddressing("2025-01-01-preview");
        assertThat(addressing.uri(endpoint, Addressing.Operation.COMPLETIONS, "my dep/../x")).isEqualTo(URI.create(
                "https://res.openai.azure.com/openai/deployments/my%20dep%2F..%2Fx/completions"
                        + "?api-version=2025-01-01-preview"));
        assertThat(addressing.authHeaders(endpoint)).containsExactly(Map.entry("api-key", "k"));
    }

    @Test
    void anEmptyApiVersionIsAConfigurationError() {
        assertThatThrownBy(() -> AzureOpenAiProvider.create(new Endpoint("azure", fake.rootUrl(), "k", Map.of(),
                Timeouts.DEFAULTS), " ", client)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("api-version");
    }
}
