package dev.warden.provider.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request bytes: target kept percent-encoded, Host as SigV4 signs it, our Content-Length, no forged fields. */
class RequestEncoderTest {
    @Test
    void aPostIsLaidOutWithHostUserAgentAndContentLengthBeforeItsBody() throws HttpFailure {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Content-Type", "application/json");
        headers.put("x-amz-date", "20261124T000000Z");
        var bytes = RequestEncoder.encode(Exchanges.request("POST",
                URI.create("https://bedrock.example.com/model/a%3Ab/invoke"), headers, "{\"a\":1}"));
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).isEqualTo("""
                POST /model/a%3Ab/invoke HTTP/1.1\r
                Host: bedrock.example.com\r
                User-Agent: Warden\r
                Content-Type: application/json\r
                x-amz-date: 20261124T000000Z\r
                Content-Length: 7\r
                \r
                {"a":1}""");
    }

    @Test
    void theHostCarriesThePortOnlyWhenItIsNotTheSchemesDefaultAndAGivenHostWins() throws HttpFailure {
        assertThat(encode(URI.create("http://up:80/"), Map.of())).contains("\r\nHost: up\r\n");
        assertThat(encode(URI.create("https://up:8443/"), Map.of())).contains("\r\nHost: up:8443\r\n");
        assertThat(encode(URI.create("http://[::1]:8080/x"), Map.of())).contains("\r\nHost: [::1]:8080\r\n");
        assertThat(encode(URI.create("http://up/"), Map.of("host", "other", "user-agent", "sdk")))
                .contains("\r\nhost: other\r\n", "\r\nuser-agent: sdk\r\n")
                .doesNotContain("Host: up", "Warden");
    }

    @Test
    void theTargetKeepsItsEncodingAndEncodesOnlyWhatARequestLineCannotHold() {
        assertThat(RequestEncoder.target(URI.create("http://h"))).isEqualTo("/");
        assertThat(RequestEncoder.target(URI.create("http://h/a%2Fb/c?x=%20y&z"))).isEqualTo("/a%2Fb/c?x=%20y&z");
        assertThat(RequestEncoder.target(URI.create("http://h/caf\u00e9?q=\u00fc"))).isEqualTo("/caf%C3%A9?q=%C3%BC");
    }

    @Test
    void aHeaderValueThatWouldEndItsLineIsRefused() {
        assertThatThrownBy(() -> encode(URI.create("http://h/"), Map.of("X-A", "v\r\nX-Forged: 1")))
                .isInstanceOfSatisfying(HttpFailure.class,
                        e -> assertThat(e.kind()).isEqualTo(HttpFailure.Kind.BROKEN));
        assertThatThrownBy(() -> encode(URI.create("http://h/"), Map.of("Bad Name", "v")))
                .isInstanceOf(HttpFailure.class);
    }

    private static String encode(URI uri, Map<String, String> headers) throws HttpFailure {
        return new String(RequestEncoder.encode(Exchanges.request("GET", uri, headers, "")),
                StandardCharsets.ISO_8859_1);
    }
}
