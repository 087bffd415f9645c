package dev.warden.provider.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.provider.Endpoint;
import dev.warden.provider.ProviderJson;
import dev.warden.provider.Scrubber;
import dev.warden.provider.Timeouts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Recorded fixtures beside the tests: src/test/resources/dev/warden/provider/bedrock/... */
final class Fixtures {
    static final Endpoint ENDPOINT = new Endpoint("test",
            URI.create("https://bedrock-runtime.eu-west-3.amazonaws.com"), null,
            Map.of("X-Proxy-Token", "proxy-secret-token-456"), Timeouts.DEFAULTS);
    static final BedrockSettings SETTINGS = new BedrockSettings("eu-west-3",
            new AwsCredentials("AKIAFIXTURE000000001", "fixture/secret/key/abcdef", "fixture-session-token-1"),
            null, 1024);
    static final Scrubber SCRUBBER = Scrubber.of(ENDPOINT, SETTINGS.secrets());

    private Fixtures() {}

    static byte[] bytes(String name) {
        try (var in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(byte[] json) {
        try {
            return ProviderJson.read(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + new String(json, StandardCharsets.UTF_8), e);
        }
    }

    /** Compares as Jackson trees: field order and whitespace do not matter, values and types do. */
    static void assertJson(byte[] actual, String expectedFixture) {
        assertThat(tree(actual)).as(new String(actual, StandardCharsets.UTF_8))
                .isEqualTo(tree(bytes(expectedFixture)));
    }
}
