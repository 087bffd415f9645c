package dev.warden.auth.jwt;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches a JWKS with the JDK client. The whole exchange is bounded (connect, then response and body together),
 * because a refetch may run on a request thread while an attacker's token waits for it.
 */
final class HttpJwksSource implements JwksSource, AutoCloseable {

    private final URI url;
    private final Duration readTimeout;
    private final Duration total;
    private final HttpClient client;

    HttpJwksSource(URI url, Duration connectTimeout, Duration readTimeout) {
        this.url = Objects.requireNonNull(url, "url");
        this.readTimeout = readTimeout;
        this.total = connectTimeout.plus(readTimeout);
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public JWKSet fetch() throws IOException {
        var request = HttpRequest.newBuilder(url)
                .timeout(readTimeout)
                .header("Accept", "application/json, application/jwk-set+json")
                .GET()
                .build();
        var handler = HttpResponse.BodyHandlers.limiting(HttpResponse.BodyHandlers.ofString(), MAX_BYTES);
        var pending = client.sendAsync(request, handler);
        HttpResponse<String> response;
        try {
            // The request timeout covers waiting for the headers only; this bounds the body as well.
            response = pending.get(total.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            pending.cancel(true);
            throw new IOException("JWKS fetch from " + url + " timed out after " + total.toMillis() + " ms");
        } catch (ExecutionException failed) {
            var cause = failed.getCause() == null ? failed : failed.getCause();
            throw new IOException("JWKS fetch from " + url + " failed: " + cause, cause);
        } catch (InterruptedException interrupted) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("JWKS fetch from " + url + " was interrupted", interrupted);
        }
        if (response.statusCode() != 200) {
            throw new IOException("JWKS fetch from " + url + " answered HTTP " + response.statusCode());
        }
        try {
            return JWKSet.parse(response.body());
        } catch (ParseException invalid) {
            throw new IOException("JWKS from " + url + " is not a valid key set: " + invalid.getMessage(), invalid);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
