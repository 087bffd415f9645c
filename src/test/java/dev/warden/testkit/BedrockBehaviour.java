package dev.warden.testkit;

import java.util.List;
import java.util.Map;

/**
 * What {@link FakeBedrockUpstream} does with the next valid request, when a test scripts it. Requests that fail
 * the fake's signature check or validation are answered with Bedrock's error and do not consume a behaviour.
 */
public sealed interface BedrockBehaviour {

    /** Answer {@code status} with a JSON body and extra headers. */
    record Reply(int status, String json, Map<String, String> headers) implements BedrockBehaviour {
        public Reply {
            headers = Map.copyOf(headers);
        }
    }

    /** Stream these eventstream frames with {@code delayMillis} between them, then end the body. */
    record Stream(List<byte[]> frames, long delayMillis) implements BedrockBehaviour {
        public Stream {
            frames = List.copyOf(frames);
        }
    }

    /** Say nothing for {@code millis}, then answer with the default echo. */
    record Hang(long millis) implements BedrockBehaviour {}

    static BedrockBehaviour reply(int status, String json) {
        return new Reply(status, json, Map.of());
    }

    static BedrockBehaviour stream(List<byte[]> frames, long delayMillis) {
        return new Stream(frames, delayMillis);
    }

    /** Bedrock's error: status, {@code x-amzn-errortype} header and {@code {"message"}} body. */
    static BedrockBehaviour error(int status, String errorType, String message) {
        return new Reply(status, FakeAnswers.JSON.createObjectNode().put("message", message).toString(),
                Map.of("x-amzn-errortype", errorType + ":http://internal.amazon.com/coral/com.amazon.bedrock/"));
    }

    /** Bedrock's 429 ThrottlingException. */
    static BedrockBehaviour throttled() {
        return error(429, "ThrottlingException", "Too many requests, please wait before trying again.");
    }
}
