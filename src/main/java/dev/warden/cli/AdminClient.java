package dev.warden.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The admin API as the CLI sees it: JSON over HTTP to a running Warden, authenticated with an admin credential.
 * Failures become {@link CliException}s carrying the server's own error message.
 */
final class AdminClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = new ObjectMapper();
    private final URI base;
    private final String key;

    AdminClient(String url, String key) {
        this.base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        this.key = key;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    JsonNode get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), path);
    }

    JsonNode post(String path, JsonNode body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), path);
    }

    JsonNode patch(String path, JsonNode body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body.toString())), path);
    }

    JsonNode delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), path);
    }

    JsonNode postText(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)), path);
    }

    private URI uri(String path) {
        return URI.create(base + "/admin/v1" + path);
    }

    /** A GET whose successful answer is text (a CSV report); a failure is still the server's JSON error. */
    String text(String path) {
        return exchange(HttpRequest.newBuilder(uri(path)).GET(), path).body();
    }

    private JsonNode send(HttpRequest.Builder request, String path) {
        return json(exchange(request, path), path);
    }

    private JsonNode json(HttpResponse<String> response, String path) {
        try {
            return response.body().isEmpty() ? mapper.createObjectNode() : mapper.readTree(response.body());
        } catch (IOException notJson) {
            throw new CliException("unexpected answer from " + base + path + " (HTTP " + response.statusCode() + ")");
        }
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request, String path) {
        request.header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(60));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException refused) {
            throw new CliException("cannot connect to Warden at " + base + " (is it running? set --url or WARDEN_URL)");
        } catch (IOException e) {
            throw new CliException("request to " + base + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
        if (response.statusCode() >= 400) {
            var body = json(response, path);
            var message = body.path("error").path("message").asText("HTTP " + response.statusCode());
            var param = body.path("error").path("param").asText("");
            throw new CliException(message + (param.isEmpty() ? "" : " (field: " + param + ")")
                    + " [HTTP " + response.statusCode() + "]");
        }
        return response;
    }
}
