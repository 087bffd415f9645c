package dev.warden.testkit;

import java.util.List;
import java.util.Map;

/**
 * What {@link FakeOpenAiUpstream} does with the next valid request, when a test scripts it. Requests that fail the
 * fake's validation are answered with the real API's error and do not consume a behaviour.
 */
public sealed interface FakeBehaviour {

    /** Answer {@code status} with a JSON body and extra headers. */
    record Reply(int status, String json, Map<String, String> headers) implements FakeBehaviour {
        public Reply {
            headers = Map.copyOf(headers);
        }
    }

    /**
     * Stream SSE events: each entry of {@code events} is sent as one {@code data:} event, with {@code delayMillis}
     * between them; then {@code data: [DONE]} if {@code done}, else the body just ends (a cut connection).
     */
    record Stream(List<String> events, long delayMillis, boolean done) implements FakeBehaviour {
        public Stream {
            events = List.copyOf(events);
        }
    }

    /** Stream these exact bytes (as UTF-8) as the body, for SSE edge cases. */
    record RawStream(String body) implements FakeBehaviour {}

    /** Say nothing for {@code millis}, then answer with the default echo. */
    record Hang(long millis) implements FakeBehaviour {}

    static FakeBehaviour reply(int status, String json) {
        return new Reply(status, json, Map.of());
    }

    static FakeBehaviour stream(List<String> events, long delayMillis) {
        return new Stream(events, delayMillis, true);
    }

    static FakeBehaviour streamThenCut(List<String> events, long delayMillis) {
        return new Stream(events, delayMillis, false);
    }

    static FakeBehaviour hang(long millis) {
        return new Hang(millis);
    }

    /** OpenAI's 429, with a {@code Retry-After} header. */
    static FakeBehaviour rateLimited(String retryAfter) {
        return new Reply(429, FakeAnswers.error("Rate limit reached for requests. Please try again in "
                + retryAfter + "s.", "requests", null, "rate_limit_exceeded"), Map.of("Retry-After", retryAfter));
    }

    /** OpenAI's 500 or 503 bodies. */
    static FakeBehaviour serverError(int status) {
        return new Reply(status, status == 503
                ? FakeAnswers.error("The engine is currently overloaded, please try again later.", "server_error",
                        null, null)
                : FakeAnswers.error("The server had an error while processing your request. Sorry about that!",
                        "server_error", null, null), Map.of());
    }
}
