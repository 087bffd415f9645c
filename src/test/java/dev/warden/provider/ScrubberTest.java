package dev.warden.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one scrubbing policy every provider shares: the union of what each provider's own copy removed. */
class ScrubberTest {
    private static final Endpoint ENDPOINT = new Endpoint("t", URI.create("http://10.0.0.7:8000/v1"),
            "sk-secret-key-123", Map.of("X-Auth", "Bearer proxy-token-456"), Timeouts.DEFAULTS);
    private static final Scrubber SCRUBBER = Scrubber.of(ENDPOINT, List.of("AKIAEXTRA0000001"));

    @Test
    void removesTheKeyHeaderValuesHostAndExtraSecrets() {
        assertThat(SCRUBBER.scrub("key sk-secret-key-123 header Bearer proxy-token-456 host 10.0.0.7 aws "
                + "AKIAEXTRA0000001")).isEqualTo("key *** header *** host *** aws ***");
    }

    @Test
    void removesHostAndPortTogether() {
        assertThat(SCRUBBER.scrub("runner at 10.0.0.7:8000 died")).isEqualTo("runner at *** died");
    }

    @Test
    void aUrlThatStartsWithTheBaseUrlGoesWholeWithItsQuery() {
        assertThat(SCRUBBER.scrub("failed at http://10.0.0.7:8000/v1/chat?key=abc, retry"))
                .isEqualTo("failed at [url] retry");
        assertThat(SCRUBBER.scrub("failed at http://10.0.0.7:8000/v1 now")).isEqualTo("failed at *** now");
    }

    @Test
    void aSecretWithASpaceIsRemovedEvenWhereAUrlEndsInsideIt() {
        assertThat(SCRUBBER.scrub("see https://x.example/a?auth=Bearer proxy-token-456 end"))
                .isEqualTo("see [url] end");
    }

    @Test
    void removesArnsGoogleCredentialsAndStorageUrls() {
        assertThat(SCRUBBER.scrub("no access to arn:aws:bedrock:eu-west-3:123456789012:model/x, key "
                + "AIzaSyAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA token ya29.a0AfH6 object gs://bucket/o"))
                .isEqualTo("no access to [arn], key *** token *** object [url]");
    }

    @Test
    void boundsTheLength() {
        assertThat(SCRUBBER.scrub("x".repeat(2000))).hasSize(Scrubber.MAX_LENGTH).endsWith("...");
    }
}
