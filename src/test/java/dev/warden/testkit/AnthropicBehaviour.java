package dev.warden.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@link FakeAnthropicUpstream} does with the next valid request, when a test scripts it. Requests that fail the
 * fake's validation are answered with Anthropic's real error and do not consume a behaviour.
 */
public sealed interface AnthropicBehaviour {

    /** Answer {@code status} with a JSON body and extra headers. */
    record Reply(int status, String json, Map<String, String> headers) implements AnthropicBehaviour {
        public Reply {
            headers = Map.copyOf(headers);
        }
    }

    /**
     * Stream these named SSE events with {@code delayMillis} between them, then end the body. A list without
     * {@code message_stop} is a stream cut short.
     */
    record Stream(List<AnthropicEvents.Event> events, long delayMillis) implements AnthropicBehaviour {
        public Stream {
            events = List.copyOf(events);
        }
    }

    /** Say nothing for {@code millis}, then answer with the default echo. */
    record Hang(long millis) implements AnthropicBehaviour {}

    static AnthropicBehaviour reply(int status, String json) {
        return new Reply(status, json, Map.of());
    }

    static AnthropicBehaviour stream(List<AnthropicEvents.Event> events, long delayMillis) {
        return new Stream(events, delayMillis);
    }

    static AnthropicBehaviour hang(long millis) {
        return new Hang(millis);
    }

    /** Anthropic's 429 rate_limit_error, with a {@code retry-after} header. */
    static AnthropicBehaviour rateLimited(String retryAfter) {
        return new Reply(429, AnthropicAnswers.error("rate_limit_error", "Number of request tokens has exceeded "
                + "your per-minute rate limit (https://docs.anthropic.com/en/api/rate-limits); see the response "
                + "headers for current usage."), Map.of("retry-after", retryAfter));
    }

    /** Anthropic's 529 overloaded_error. */
    static AnthropicBehaviour overloaded() {
        return reply(529, AnthropicAnswers.error("overloaded_error", "Overloaded"));
    }

    /** Anthropic's 500 api_error. */
    static AnthropicBehaviour apiError() {
        return reply(500, AnthropicAnswers.error("api_error", "Internal server error"));
    }

    /** Starts a text answer, then reports {@code overloaded_error} inside the 200 stream. */
    static AnthropicBehaviour overloadedMidStream(String model, String text) {
        var events = new ArrayList<AnthropicEvents.Event>();
        events.add(AnthropicEvents.messageStart(model, 5));
        events.add(AnthropicEvents.textStart(0));
        events.add(AnthropicEvents.textDelta(0, text));
        events.add(AnthropicEvents.error("overloaded_error", "Overloaded"));
        return stream(events, 0);
    }
}
