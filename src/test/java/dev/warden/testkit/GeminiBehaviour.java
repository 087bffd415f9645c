package dev.warden.testkit;

import java.util.List;
import java.util.Map;

/**
 * What {@link FakeGeminiUpstream} does with the next valid request, when a test scripts it. Requests that fail the
 * fake's validation are answered with Google's error and do not consume a behaviour.
 */
public sealed interface GeminiBehaviour {

    /** Answer {@code status} with a JSON body and extra headers. */
    record Reply(int status, String json, Map<String, String> headers) implements GeminiBehaviour {
        public Reply {
            headers = Map.copyOf(headers);
        }
    }

    /**
     * Stream SSE events, each entry one {@code data:} event with {@code delayMillis} between them. Gemini has no
     * terminal event: a stream whose last chunk has no finishReason is what a cut connection looks like.
     */
    record Stream(List<String> events, long delayMillis) implements GeminiBehaviour {
        public Stream {
            events = List.copyOf(events);
        }
    }

    /** Stream these exact bytes (as UTF-8) as the body, for SSE edge cases. */
    record RawStream(String body) implements GeminiBehaviour {}

    /** Say nothing for {@code millis}, then answer with the default echo. */
    record Hang(long millis) implements GeminiBehaviour {}

    static GeminiBehaviour reply(int status, String json) {
        return new Reply(status, json, Map.of());
    }

    static GeminiBehaviour stream(List<String> events, long delayMillis) {
        return new Stream(events, delayMillis);
    }

    static GeminiBehaviour hang(long millis) {
        return new Hang(millis);
    }

    /** Google's 429 RESOURCE_EXHAUSTED, with a {@code google.rpc.RetryInfo} detail and no Retry-After header. */
    static GeminiBehaviour rateLimited(int retryDelaySeconds) {
        return reply(429, GeminiAnswers.error(429, "You exceeded your current quota, please check your plan and "
                + "billing details. For more information on this error, head to: "
                + "https://ai.google.dev/gemini-api/docs/rate-limits.", "RESOURCE_EXHAUSTED",
                "[{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"" + retryDelaySeconds
                        + "s\"}]"));
    }

    /** Google's 500 INTERNAL or 503 UNAVAILABLE. */
    static GeminiBehaviour serverError(int status) {
        return status == 503
                ? reply(503, GeminiAnswers.error(503, "The model is overloaded. Please try again later.",
                        "UNAVAILABLE", null))
                : reply(500, GeminiAnswers.error(500, "An internal error has occurred. Please retry or report in "
                        + "https://developers.generativeai.google/guide/troubleshooting", "INTERNAL", null));
    }
}
