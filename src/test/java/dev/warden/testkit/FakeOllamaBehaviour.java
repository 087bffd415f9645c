package dev.warden.testkit;

import java.util.List;

/**
 * What {@link FakeOllamaUpstream} does with the next valid request, when a test scripts it. Requests that fail the
 * fake's validation are answered with Ollama's own error and do not consume a behaviour.
 */
public sealed interface FakeOllamaBehaviour {

    /** Answer {@code status} with this JSON body. */
    record Reply(int status, String json) implements FakeOllamaBehaviour {}

    /**
     * Stream these NDJSON objects, one per line, {@code delayMillis} apart. The test writes the final
     * {@code done: true} object itself; leaving it out is a stream cut before its end.
     */
    record Lines(List<String> lines, long delayMillis) implements FakeOllamaBehaviour {
        public Lines {
            lines = List.copyOf(lines);
        }
    }

    /** Stream these exact bytes (as UTF-8) as the body, for framing edge cases (an unterminated last line). */
    record RawStream(String body) implements FakeOllamaBehaviour {}

    /** Say nothing for {@code millis}, then answer with the default echo. */
    record Hang(long millis) implements FakeOllamaBehaviour {}

    static FakeOllamaBehaviour reply(int status, String json) {
        return new Reply(status, json);
    }

    static FakeOllamaBehaviour lines(List<String> lines, long delayMillis) {
        return new Lines(lines, delayMillis);
    }

    static FakeOllamaBehaviour hang(long millis) {
        return new Hang(millis);
    }

    /** What Ollama answers when its runner crashes mid-request. */
    static FakeOllamaBehaviour serverError() {
        return new Reply(500, "{\"error\":\"llama runner process has terminated: exit status 2\"}");
    }
}
