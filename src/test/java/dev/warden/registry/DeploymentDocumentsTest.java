package dev.warden.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.config.ConfigException;
import dev.warden.config.ConfigProblem;
import dev.warden.config.ModelConfig;
import dev.warden.config.ProviderKind;
import dev.warden.config.ProviderSettings;
import dev.warden.config.TargetConfig;
import dev.warden.secret.SecretBox;
import dev.warden.secret.ServerSecret;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentDocumentsTest {
    private static final ServerSecret SECRET = ServerSecret.ofBase64("dGVzdC1zZXJ2ZXItc2VjcmV0LTMyLWJ5dGVzLWxvbmch");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final DeploymentDocuments documents = new DeploymentDocuments(SECRET.secretBox(new SecureRandom()));

    /** JSON written with single quotes, for legibility. */
    static ObjectNode json(String text) {
        try {
            return MAPPER.readValue(text.replace('\'', '"'), ObjectNode.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static ObjectNode bedrock() {
        return json("""
                {'name': 'bedrock-east', 'provider': 'bedrock', 'region': 'us-east-1',
                 'aws_access_key_id': 'AKIAEXAMPLE', 'aws_secret_access_key': 'wJalrXUtnFEMI',
                 'aws_session_token': 'FwoGZXIvYXdzEBY', 'timeouts': {'connect': '5s'}}""");
    }

    private static ObjectNode openai() {
        return json("""
                {'name': 'openai', 'provider': 'openai', 'api_key': 'sk-live-123',
                 'headers': {'OpenAI-Organization': 'org-42', 'X-Extra': 'extra-value'},
                 'models': [{'name': 'gpt-4o', 'model': 'gpt-4o-2024-08-06'}, {'name': 'gpt-4o-mini'}]}""");
    }

    @Test
    void everyCredentialAndHeaderIsSealedAndOpensAgain() {
        var openai = documents.seal(openai(), json("{}"));
        assertThat(openai.get("api_key").asText()).startsWith("v1:");
        assertThat(openai.get("headers").get("OpenAI-Organization").asText()).startsWith("v1:");
        assertThat(openai.get("headers").get("X-Extra").asText()).startsWith("v1:");
        assertThat(openai.toString()).doesNotContain("sk-live-123", "org-42", "extra-value");
        assertThat(openai.get("models")).isEqualTo(openai().get("models"));
        assertThat(documents.open(openai)).isEqualTo(openai());

        var bedrock = documents.seal(bedrock(), json("{}"));
        for (var field : List.of("aws_access_key_id", "aws_secret_access_key", "aws_session_token")) {
            assertThat(bedrock.get(field).asText()).as(field).startsWith("v1:");
        }
        assertThat(bedrock.toString()).doesNotContain("AKIAEXAMPLE", "wJalrXUtnFEMI", "FwoGZXIvYXdzEBY");
        assertThat(bedrock.get("region").asText()).isEqualTo("us-east-1");
        assertThat(bedrock.get("timeouts")).isEqualTo(bedrock().get("timeouts"));
        assertThat(documents.open(bedrock)).isEqualTo(bedrock());
    }

    @Test
    void sealingDoesNotChangeTheDocumentItWasGiven() {
        var original = openai();
        documents.seal(original, json("{}"));
        assertThat(original).isEqualTo(openai());
    }

    @Test
    void aSealedValueIsBoundToItsDeploymentAndField() {
        var sealed = documents.seal(openai(), json("{}"));
        // Copied into another deployment's document, the value no longer opens.
        var copied = openai().put("name", "other").put("api_key", sealed.get("api_key").asText());
        assertThatIllegalArgumentException().isThrownBy(() -> documents.open(copied));
        // Nor does it open in another field of the same deployment.
        var moved = openai();
        ((ObjectNode) moved.get("headers")).put("X-Extra", sealed.get("api_key").asText());
        assertThatIllegalArgumentException().isThrownBy(() -> documents.open(moved));
    }

    @Test
    void aClientCredentialThatLooksSealedIsStillSealed() {
        var looksSealed = openai().put("api_key", "v1:not-really-sealed");
        var sealed = documents.seal(looksSealed, json("{}"));
        assertThat(sealed.get("api_key").asText()).isNotEqualTo("v1:not-really-sealed");
        assertThat(documents.open(sealed).get("api_key").asText()).isEqualTo("v1:not-really-sealed");
    }

    @Test
    void aDocumentSealedUnderAnotherServerSecretDoesNotOpen() {
        var other = new DeploymentDocuments(ServerSecret.ofBase64("b3RoZXItc2VydmVyLXNlY3JldC0zMi1ieXRlcy1sb25nIQ==")
                .secretBox(new SecureRandom()));
        var sealed = other.seal(openai(), json("{}"));
        assertThatIllegalArgumentException().isThrownBy(() -> documents.open(sealed))
                .withMessageContaining("was the secret changed?");
    }

    @Test
    void redactionHidesEveryCredentialAndHeaderValue() {
        var shown = documents.redact(documents.seal(openai(), json("{}")));
        assertThat(shown.get("api_key").asText()).isEqualTo(DeploymentDocuments.REDACTED);
        assertThat(shown.get("headers")).isEqualTo(json("{'OpenAI-Organization': '********', 'X-Extra': '********'}"));
        assertThat(shown.get("name").asText()).isEqualTo("openai");
        assertThat(shown.get("models")).isEqualTo(openai().get("models"));
        var bedrock = documents.redact(bedrock());
        assertThat(bedrock.get("aws_access_key_id").asText()).isEqualTo("********");
        assertThat(bedrock.get("aws_secret_access_key").asText()).isEqualTo("********");
        assertThat(bedrock.get("aws_session_token").asText()).isEqualTo("********");
        assertThat(bedrock.get("region").asText()).isEqualTo("us-east-1");
        // Fields that are absent stay absent.
        assertThat(documents.redact(json("{'name': 'e', 'provider': 'echo'}"))).isEqualTo(json(
                "{'name': 'e', 'provider': 'echo'}"));
    }

    @Test
    void sendingBackTheRedactedFormKeepsTheStoredSecrets() {
        var stored = documents.seal(openai(), json("{}"));
        var resent = documents.redact(stored);
        assertThat(documents.seal(resent, stored)).isEqualTo(stored);
        assertThat(documents.open(documents.seal(resent, stored)).get("api_key").asText()).isEqualTo("sk-live-123");
    }

    @Test
    void anUpdateMayReplaceOneSecretAndKeepTheOthers() {
        var stored = documents.seal(openai(), json("{}"));
        var update = documents.redact(stored).put("api_key", "sk-rotated-456");
        var resealed = documents.seal(update, stored);
        assertThat(resealed.get("headers")).isEqualTo(stored.get("headers"));
        var opened = documents.open(resealed);
        assertThat(opened.get("api_key").asText()).isEqualTo("sk-rotated-456");
        assertThat(opened.get("headers").get("X-Extra").asText()).isEqualTo("extra-value");
    }

    @Test
    void theRedactedFormWithNothingStoredIsRefused() {
        var redacted = documents.redact(openai());
        assertThatIllegalArgumentException().isThrownBy(() -> documents.seal(redacted, json("{}")))
                .withMessage("api_key is '********' but no value is stored to keep");
        var newHeader = documents.redact(openai());
        newHeader.put("api_key", "sk-new");
        ((ObjectNode) newHeader.get("headers")).put("X-Extra", "value");
        assertThatIllegalArgumentException().isThrownBy(() -> documents.seal(newHeader, openai()))
                .withMessage("headers.OpenAI-Organization is '********' but no value is stored to keep");
    }

    @Test
    void aParsedDocumentIsTheDeploymentAndTheAliasesItServes() {
        var parsed = documents.parse(openai());
        assertThat(parsed.deployment().name()).isEqualTo("openai");
        assertThat(parsed.deployment().provider()).isEqualTo(ProviderKind.OPENAI);
        assertThat(parsed.deployment().apiKey().value()).isEqualTo("sk-live-123");
        assertThat(parsed.deployment().headers()).isEqualTo(Map.of("OpenAI-Organization", "org-42",
                "X-Extra", "extra-value"));
        assertThat(parsed.models()).containsExactly(
                new ModelConfig("gpt-4o", List.of(new TargetConfig("openai", "gpt-4o-2024-08-06")), null),
                new ModelConfig("gpt-4o-mini", List.of(new TargetConfig("openai", "gpt-4o-mini")), null));
    }

    @Test
    void aBedrockDocumentCarriesItsAwsCredentials() {
        var settings = (ProviderSettings.Bedrock) documents.parse(bedrock()).deployment().settings();
        assertThat(settings.region()).isEqualTo("us-east-1");
        assertThat(settings.accessKeyId().value()).isEqualTo("AKIAEXAMPLE");
        assertThat(settings.secretAccessKey().value()).isEqualTo("wJalrXUtnFEMI");
        assertThat(settings.sessionToken().value()).isEqualTo("FwoGZXIvYXdzEBY");
    }

    @Test
    void aDocumentWithoutModelsServesNoAliases() {
        var parsed = documents.parse(json("{'name': 'local', 'provider': 'echo'}"));
        assertThat(parsed.models()).isEmpty();
        assertThat(parsed.deployment().provider()).isEqualTo(ProviderKind.ECHO);
    }

    @Test
    void environmentInterpolationIsRefused() {
        var document = openai().put("api_key", "${OPENAI_API_KEY}");
        assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> documents.parse(document))
                .satisfies(e -> assertThat(e.problems()).singleElement().extracting(ConfigProblem::message)
                        .asString().contains("${...} environment interpolation is only available in the"
                                + " configuration file"));
    }

    @Test
    void anInvalidProviderIsAProblemNamingTheField() {
        var error = assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> documents.parse(json("{'name': 'x', 'provider': 'openia'}"))).actual();
        assertThat(error.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("deployments[0].provider");
            assertThat(problem.message()).startsWith("unknown provider 'openia'; did you mean 'openai'?");
        });
    }

    @Test
    void everyProblemOfADocumentIsReported() {
        var error = assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> documents.parse(json("""
                {'name': 'az', 'provider': 'azure', 'base_url': 'ftp://nowhere', 'colour': 'blue'}"""))).actual();
        assertThat(error.problems()).extracting(ConfigProblem::path)
                .anySatisfy(path -> assertThat(path).endsWith("colour"))
                .anySatisfy(path -> assertThat(path).endsWith("base_url"))
                .anySatisfy(path -> assertThat(path).endsWith("api_key"));
    }

    @Test
    void modelsMustBeAListOfAliases() {
        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> documents.parse(json("{'name': 'e', 'provider': 'echo', 'models': 'gpt-4o'}")))
                .satisfies(e -> assertThat(e.problems()).containsExactly(new ConfigProblem("models", 0,
                        "expected a list of {name, model}")));
        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> documents.parse(json("{'name': 'e', 'provider': 'echo', 'models': ['gpt-4o']}")))
                .satisfies(e -> assertThat(e.problems()).extracting(ConfigProblem::path).containsExactly("models[0]"));
        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> documents.parse(json("{'name': 'e', 'provider': 'echo', 'models': [{}]}")))
                .satisfies(e -> assertThat(e.problems()).extracting(ConfigProblem::path)
                        .containsExactly("models[0].name"));
        assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> documents.parse(json(
                "{'name': 'e', 'provider': 'echo', 'models': [{'name': 'a'}, {'name': 'a'}]}")));
    }

    @Test
    void modelsNamingTargetsOrADeploymentAreRefusedNotSilentlyRedirected() {
        for (var model : List.of("{'name': 'a', 'targets': [{'deployment': 'e', 'model': 'x'}]}",
                "{'name': 'a', 'model': 'm', 'deployment': 'elsewhere'}")) {
            assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> documents.parse(json(
                    "{'name': 'e', 'provider': 'echo', 'models': [{'name': 'ok'}, " + model + "]}")))
                    .satisfies(e -> assertThat(e.problems()).containsExactly(new ConfigProblem("models[1]", 0,
                            "a stored deployment serves its own models: give each as {name, model}, without"
                                    + " deployment or targets")));
        }
    }

    @Test
    void requireEnvIsNotAvailableForStoredDeployments() {
        assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> documents.parse(json(
                "{'name': 'e', 'provider': 'echo', 'require_env': 'HOME'}")))
                .withMessageContaining("require_env is not available for stored deployments");
    }

    @Test
    void aStoredDocumentIsReadBackAsAnObject() {
        assertThat(documents.read("{\"name\":\"a\"}")).isEqualTo(json("{'name': 'a'}"));
        assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> documents.read("[1]"));
        assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> documents.read("{"));
    }

    @Test
    void openLeavesValuesThatWereNeverSealedAsTheyAre() {
        assertThat(documents.open(openai())).isEqualTo(openai());
        assertThat(SecretBox.isSealed(documents.open(openai()).get("api_key").asText())).isFalse();
    }
}
