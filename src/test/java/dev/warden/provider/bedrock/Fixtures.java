package dev.warden.provider.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.provider.Endpoint;
import dev.warden.provider.RecordedFixtures;
import dev.warden.provider.Scrubber;
import dev.warden.provider.Timeouts;
import java.net.URI;
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
        return RecordedFixtures.bytes(Fixtures.class, name);
    }

    static JsonNode tree(byte[] json) {
        return RecordedFixtures.tree(json);
    }

    static void assertJson(byte[] actual, String expectedFixture) {
        RecordedFixtures.assertJson(actual, bytes(expectedFixture));
    }
}
