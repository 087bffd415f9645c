package dev.warden.provider.bedrock;

import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import dev.warden.provider.CallNotes;
import dev.warden.provider.Endpoint;
import dev.warden.provider.RetryAfter;
import dev.warden.provider.Scrubber;
import dev.warden.provider.UpstreamAnswers;
import dev.warden.provider.UpstreamClient;
import dev.warden.provider.UpstreamRequest;
import dev.warden.provider.UpstreamResponse;
import java.io.IOException;
import java.time.InstantSource;
import java.util.HashMap;
import org.jspecify.annotations.Nullable;

/**
 * Sends one Bedrock runtime call: builds the URI, adds the credential (a SigV4 signature made at send time, or
 * the bearer API key), and turns a non-2xx answer into a client-safe error. The only place this package does I/O.
 */
final class BedrockTransport {
    static final String EVENT_STREAM = "application/vnd.amazon.eventstream";

    private final Endpoint endpoint;
    private final BedrockSettings settings;
    private final UpstreamClient client;
    private final InstantSource clock;
    private final @Nullable SigV4Signer signer;
    private final Scrubber scrubber;

    BedrockTransport(Endpoint endpoint, BedrockSettings settings, UpstreamClient client, InstantSource clock) {
        this.endpoint = endpoint;
        this.settings = settings;
        this.client = client;
        this.clock = clock;
        this.signer = settings.credentials() == null ? null
                : SigV4Signer.bedrock(settings.credentials(), settings.region());
        this.scrubber = Scrubber.of(endpoint, settings.secrets());
    }

    Scrubber scrubber() {
        return scrubber;
    }

    /** Sends the call; a non-2xx answer is read, closed and thrown as a client-safe error. */
    UpstreamResponse send(String path, byte[] body, boolean stream, CallNotes notes) {
        var uri = endpoint.resolve(path);
        var headers = new HashMap<>(endpoint.headers());
        headers.put("Content-Type", "application/json");
        headers.put("Accept", stream ? EVENT_STREAM : "application/json");
        if (signer != null) {
            headers.putAll(signer.sign("POST", uri, body, clock.instant()));
        } else {
            headers.put("Authorization", "Bearer " + settings.bearerToken());
        }
        var response = client.send(UpstreamRequest.postJson(uri, headers, body, endpoint.timeouts()));
        notes.upstreamStatus(response.status());
        notes.upstreamRequestId(response.header("x-amzn-requestid").orElse(null));
        if (!response.ok()) {
            try (response) {
                throw new ApiException(ErrorWire.fromWire(response.status(),
                        response.header("x-amzn-errortype").orElse(null), UpstreamAnswers.errorBody(response.body()),
                        retryAfter(response.header("retry-after").orElse(null)), scrubber));
            }
        }
        return response;
    }

    /** Sends and reads the whole answer; a cut or silent body becomes a client-safe error. */
    byte[] call(String path, byte[] body, CallNotes notes, Answer answer) {
        try (var response = send(path, body, false, notes)) {
            try {
                var bytes = response.readBody();
                answer.headers(response);
                return bytes;
            } catch (IOException e) {
                throw new ApiException(response.idleTimedOut()
                        ? new ApiError.UpstreamTimeout("The upstream provider stopped sending its answer.")
                        : new ApiError.Upstream(502, "The connection to the upstream provider failed.",
                                "upstream_error", null, "upstream_io_error", null), e);
            }
        }
    }

    /** Lets a caller read the headers of the answer it asked for. */
    @FunctionalInterface
    interface Answer {
        void headers(UpstreamResponse response);

        Answer IGNORE = response -> { };
    }

    static ApiException malformed(Exception cause) {
        return new ApiException(new ApiError.Upstream(502, "The upstream provider sent a malformed response.",
                "upstream_error", null, "upstream_malformed_response", null), cause);
    }

    /** Bedrock sends delay seconds when it sends the header at all, never an HTTP date. */
    static @Nullable Long retryAfter(@Nullable String header) {
        return header == null ? null : RetryAfter.decimalSeconds(header.strip());
    }
}
