package dev.warden.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.llm.ApiException;
import dev.warden.provider.Endpoint;
import dev.warden.provider.Timeouts;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeminiSettingsTest {

    @Test
    void vertexNeedsAPathSafeProjectAndLocation() {
        assertThatThrownBy(() -> new GeminiSettings(GeminiSettings.Flavor.VERTEX, null, "us-central1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GeminiSettings.vertex("proj/../x", "us-central1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GeminiSettings.vertex("proj", "")).isInstanceOf(IllegalArgumentException.class);
        assertThat(GeminiSettings.vertex("proj", "europe-west4").dropUnsupportedParams()).isFalse();
    }

    @Test
    void defaultBaseUrls() {
        assertThat(GeminiSettings.generativeLanguage().defaultBaseUrl())
                .isEqualTo(URI.create("https://generativelanguage.googleapis.com"));
        assertThat(GeminiSettings.vertex("p", "europe-west4").defaultBaseUrl())
                .isEqualTo(URI.create("https://europe-west4-aiplatform.googleapis.com"));
        assertThat(GeminiSettings.vertex("p", "global").defaultBaseUrl())
                .isEqualTo(URI.create("https://aiplatform.googleapis.com"));
    }

    @Test
    void addressingPerFlavor() {
        var endpoint = new Endpoint("g", URI.create("https://generativelanguage.googleapis.com/"), "AIzaKey",
                Map.of(), Timeouts.DEFAULTS);
        var gl = new GeminiAddressing(GeminiSettings.generativeLanguage());
        assertThat(gl.uri(endpoint, GeminiAddressing.Method.STREAM, "models/gemini-2.5-flash")).isEqualTo(URI.create(
                "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse"));
        assertThat(gl.authHeaders(endpoint)).isEqualTo(Map.of("x-goog-api-key", "AIzaKey"));
        var vertex = new GeminiAddressing(GeminiSettings.vertex("p1", "us-east5"));
        assertThat(vertex.uri(endpoint, GeminiAddressing.Method.EMBED, "text-embedding-005")).isEqualTo(URI.create(
                "https://generativelanguage.googleapis.com/v1/projects/p1/locations/us-east5/publishers/google/models/"
                        + "text-embedding-005:embedContent"));
        assertThat(vertex.authHeaders(endpoint)).isEqualTo(Map.of("Authorization", "Bearer AIzaKey"));
        assertThatThrownBy(() -> gl.uri(endpoint, GeminiAddressing.Method.GENERATE, "a?key=b"))
                .isInstanceOf(ApiException.class);
    }
}
