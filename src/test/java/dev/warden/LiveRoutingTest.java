package dev.warden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import dev.warden.llm.ChatRequest;
import dev.warden.llm.Message;
import dev.warden.llm.ModelInfo;
import dev.warden.llm.Role;
import dev.warden.llm.Sampling;
import dev.warden.pipeline.Target;
import dev.warden.provider.CallNotes;
import dev.warden.provider.UpstreamClient;
import dev.warden.provider.echo.EchoProvider;
import dev.warden.registry.DeploymentDocuments;
import dev.warden.registry.StoredDeployment;
import dev.warden.routing.Route;
import dev.warden.secret.ServerSecret;
import dev.warden.testkit.FakeOpenAiUpstream;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The router rebuilt from configured plus stored deployments; echo deployments, so nothing leaves the machine. */
class LiveRoutingTest {
    private static final ServerSecret SECRET = ServerSecret.ofBase64("dGVzdC1zZXJ2ZXItc2VjcmV0LTMyLWJ5dGVzLWxvbmch");
    private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final InstantSource clock = InstantSource.fixed(T);
    private final UpstreamClient upstream = UpstreamClient.create();
    private final DeploymentDocuments documents = new DeploymentDocuments(SECRET.secretBox(new SecureRandom()));
    private final EchoProvider configuredEcho = EchoProvider.create("echo", clock, () -> "id");
    private final LiveRouting routing = new LiveRouting(List.of(configuredEcho),
            List.of(new Route("demo", List.of(new Route.Destination("echo", "echo-1")), "")), true,
            T.getEpochSecond(), new Providers(upstream, clock, () -> "id"), documents);

    @AfterEach
    void close() {
        upstream.close();
    }

    private static ObjectNode json(String text) {
        try {
            return MAPPER.readValue(text.replace('\'', '"'), ObjectNode.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A document as the admin API stores it: credentials sealed. */
    private StoredDeployment stored(String name, String document) {
        return new StoredDeployment(name, documents.seal(json(document), json("{}")).toString(), T, T, 0);
    }

    private StoredDeployment echo(String name, String models) {
        return stored(name, "{'name': '" + name + "', 'provider': 'echo', 'models': " + models + "}");
    }

    private Target resolve(String model) {
        return routing.get().resolve(model);
    }

    private ApiError failure(String model) {
        return assertThatExceptionOfType(ApiException.class).isThrownBy(() -> resolve(model)).actual().error();
    }

    private List<String> catalog() {
        return routing.get().catalog().stream().map(ModelInfo::id).toList();
    }

    @Test
    void aStoredDeploymentsAliasesAreRoutableBesideTheConfiguredOnes() {
        routing.accept(List.of(echo("local", "[{'name': 'fast', 'model': 'echo-fast'}, {'name': 'plain'}]")));

        assertThat(resolve("fast").deployment()).isEqualTo("local");
        assertThat(resolve("fast").upstreamModel()).isEqualTo("echo-fast");
        assertThat(resolve("plain").upstreamModel()).isEqualTo("plain");
        assertThat(resolve("local/anything").upstreamModel()).isEqualTo("anything");
        assertThat(resolve("demo").provider()).isSameAs(configuredEcho);
        assertThat(catalog()).containsExactly("demo", "fast", "plain");
    }

    @Test
    void theRouterIsSwappedWholeARequestInFlightKeepsItsOwn() {
        var before = routing.get();
        routing.accept(List.of(echo("local", "[{'name': 'fast'}]")));
        assertThat(routing.get()).isNotSameAs(before);
        assertThatExceptionOfType(ApiException.class).isThrownBy(() -> before.resolve("fast"));
        assertThat(resolve("fast").deployment()).isEqualTo("local");
    }

    @Test
    void anUnchangedDocumentKeepsItsProviderAChangedOneGetsANewOne() {
        var local = echo("local", "[{'name': 'fast', 'model': 'v1'}]");
        var other = echo("other", "[{'name': 'slow'}]");
        routing.accept(List.of(local, other));
        var localProvider = resolve("fast").provider();
        var otherProvider = resolve("slow").provider();

        var changed = echo("local", "[{'name': 'fast', 'model': 'v2'}]");
        routing.accept(List.of(changed, other));
        assertThat(resolve("fast").provider()).isNotSameAs(localProvider);
        assertThat(resolve("fast").upstreamModel()).isEqualTo("v2");
        assertThat(resolve("slow").provider()).isSameAs(otherProvider);
    }

    @Test
    void aRemovedDeploymentIsNoLongerRoutable() {
        routing.accept(List.of(echo("local", "[{'name': 'fast'}]")));
        routing.accept(List.of());

        assertThat(failure("fast")).isInstanceOf(ApiError.NotFound.class);
        assertThat(failure("local/anything")).isInstanceOf(ApiError.NotFound.class);
        assertThat(resolve("demo").deployment()).isEqualTo("echo");
        assertThat(catalog()).containsExactly("demo");
    }

    @Test
    void aStoredDeploymentNamedLikeAConfiguredOneIsIgnored() {
        routing.accept(List.of(echo("echo", "[{'name': 'extra'}]"), echo("local", "[{'name': 'fast'}]")));

        assertThat(resolve("echo/x").provider()).isSameAs(configuredEcho);
        assertThat(failure("extra")).isInstanceOf(ApiError.NotFound.class);
        assertThat(resolve("fast").deployment()).as("the others still apply").isEqualTo("local");
    }

    @Test
    void anAliasTakenByTheConfigurationOrAnEarlierDeploymentIsIgnored() {
        routing.accept(List.of(echo("a", "[{'name': 'demo', 'model': 'hijack'}, {'name': 'shared', 'model': 'a'}]"),
                echo("b", "[{'name': 'shared', 'model': 'b'}, {'name': 'own'}]")));

        assertThat(resolve("demo").provider()).isSameAs(configuredEcho);
        assertThat(resolve("demo").upstreamModel()).isEqualTo("echo-1");
        assertThat(resolve("shared").deployment()).isEqualTo("a");
        assertThat(resolve("own").deployment()).isEqualTo("b");
        assertThat(resolve("b/x").deployment()).isEqualTo("b");
        assertThat(catalog()).containsExactly("demo", "shared", "own");
    }

    @Test
    void aDocumentThatNoLongerValidatesOrOpensIsLeftOutAndTheRestApply() {
        var foreign = new DeploymentDocuments(ServerSecret.ofBase64("b3RoZXItc2VydmVyLXNlY3JldC0zMi1ieXRlcy1sb25nIQ==")
                .secretBox(new SecureRandom()));
        var sealedElsewhere = new StoredDeployment("remote", foreign.seal(json(
                "{'name': 'remote', 'provider': 'openai', 'api_key': 'sk-1', 'models': [{'name': 'gpt'}]}"),
                json("{}")).toString(), T, T, 0);
        var invalid = stored("broken", "{'name': 'broken', 'provider': 'openia', 'models': [{'name': 'b'}]}");
        var notJson = new StoredDeployment("garbled", "{not json", T, T, 0);

        routing.accept(List.of(sealedElsewhere, invalid, notJson, echo("local", "[{'name': 'fast'}]")));

        assertThat(failure("gpt")).isInstanceOf(ApiError.NotFound.class);
        assertThat(failure("b")).isInstanceOf(ApiError.NotFound.class);
        assertThat(failure("remote/gpt")).isInstanceOf(ApiError.NotFound.class);
        assertThat(resolve("fast").deployment()).isEqualTo("local");
    }

    @Test
    void aStoredRowWhoseDocumentNamesAnotherDeploymentIsLeftOut() {
        // The row says "mine" but its document says "echo", the configured deployment's name.
        var mismatched = new StoredDeployment("mine", echo("echo", "[{'name': 'm'}]").document(), T, T, 0);

        routing.accept(List.of(mismatched, echo("local", "[{'name': 'fast'}]")));

        assertThat(resolve("fast").deployment()).as("the rest still apply").isEqualTo("local");
        assertThat(resolve("echo/x").provider()).isSameAs(configuredEcho);
        assertThat(failure("m")).isInstanceOf(ApiError.NotFound.class);
    }

    @Test
    void sealedCredentialsReachTheUpstreamOpened() {
        try (var fake = FakeOpenAiUpstream.start()) {
            routing.accept(List.of(stored("remote", "{'name': 'remote', 'provider': 'openai-compatible', 'base_url': '"
                    + fake.baseUrl() + "', 'api_key': '" + fake.apiKey() + "', 'headers': {'OpenAI-Organization':"
                    + " 'org-sealed'}, 'models': [{'name': 'mini', 'model': 'gpt-4o-mini'}]}")));
            assertThat(routing.get()).isNotNull();

            var target = resolve("mini");
            target.provider().chat(new ChatRequest(target.upstreamModel(), List.of(Message.text(Role.USER, "Hi")),
                    Sampling.DEFAULTS, List.of(), null, null, null, false, false, null, Map.of()), new CallNotes());

            var sent = fake.lastRequest();
            assertThat(sent.header("authorization")).hasValue("Bearer " + fake.apiKey());
            assertThat(sent.header("openai-organization")).hasValue("org-sealed");
        }
    }
}
