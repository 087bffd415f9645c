package dev.warden.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Builders for Anthropic's streaming events, as documented, for scripting {@link FakeAnthropicUpstream}. */
public final class AnthropicEvents {
    /** One SSE event: {@code event: name} and one {@code data:} line. */
    public record Event(String name, String data) {
        public Event {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(data, "data");
        }

        String wire() {
            return "event: " + name + "\ndata: " + data + "\n\n";
        }
    }

    private AnthropicEvents() {}

    private static Event event(String name, ObjectNode data) {
        return new Event(name, data.toString());
    }

    private static ObjectNode typed(String type) {
        return AnthropicAnswers.JSON.createObjectNode().put("type", type);
    }

    public static Event messageStart(String model, long inputTokens) {
        return messageStart("msg_fake_stream", model, inputTokens, 0, 0);
    }

    public static Event messageStart(String id, String model, long inputTokens, long cacheRead, long cacheCreation) {
        var data = typed("message_start");
        var message = data.putObject("message");
        message.put("id", id).put("type", "message").put("role", "assistant");
        message.putArray("content");
        message.put("model", model);
        message.putNull("stop_reason");
        message.putNull("stop_sequence");
        message.putObject("usage").put("input_tokens", inputTokens)
                .put("cache_creation_input_tokens", cacheCreation).put("cache_read_input_tokens", cacheRead)
                .put("output_tokens", 1);
        return event("message_start", data);
    }

    public static Event ping() {
        return event("ping", typed("ping"));
    }

    public static Event textStart(int index) {
        var data = typed("content_block_start").put("index", index);
        data.putObject("content_block").put("type", "text").put("text", "");
        return event("content_block_start", data);
    }

    public static Event toolUseStart(int index, String id, String name) {
        var data = typed("content_block_start").put("index", index);
        var block = data.putObject("content_block").put("type", "tool_use").put("id", id).put("name", name);
        block.putObject("input");
        return event("content_block_start", data);
    }

    public static Event thinkingStart(int index) {
        var data = typed("content_block_start").put("index", index);
        data.putObject("content_block").put("type", "thinking").put("thinking", "").put("signature", "");
        return event("content_block_start", data);
    }

    public static Event textDelta(int index, String text) {
        return delta(index, typed("text_delta").put("text", text));
    }

    public static Event inputJsonDelta(int index, String partialJson) {
        return delta(index, typed("input_json_delta").put("partial_json", partialJson));
    }

    public static Event thinkingDelta(int index, String thinking) {
        return delta(index, typed("thinking_delta").put("thinking", thinking));
    }

    public static Event signatureDelta(int index, String signature) {
        return delta(index, typed("signature_delta").put("signature", signature));
    }

    private static Event delta(int index, ObjectNode delta) {
        var data = typed("content_block_delta").put("index", index);
        data.set("delta", delta);
        return event("content_block_delta", data);
    }

    public static Event blockStop(int index) {
        return event("content_block_stop", typed("content_block_stop").put("index", index));
    }

    public static Event messageDelta(String stopReason, long outputTokens) {
        var data = typed("message_delta");
        data.putObject("delta").put("stop_reason", stopReason).putNull("stop_sequence");
        data.putObject("usage").put("output_tokens", outputTokens);
        return event("message_delta", data);
    }

    public static Event messageStop() {
        return event("message_stop", typed("message_stop"));
    }

    public static Event error(String type, String message) {
        var data = typed("error");
        data.putObject("error").put("type", type).put("message", message);
        return event("error", data);
    }

    /** The whole documented sequence for a text answer, one delta per word, with a ping after the first block. */
    public static List<Event> text(String model, String text, long inputTokens) {
        var events = new ArrayList<Event>();
        events.add(messageStart(model, inputTokens));
        events.add(textStart(0));
        events.add(ping());
        var words = text.split(" ");
        for (int i = 0; i < words.length; i++) {
            events.add(textDelta(0, i == 0 ? words[i] : " " + words[i]));
        }
        events.add(blockStop(0));
        events.add(messageDelta("end_turn", FakeAnswers.words(text)));
        events.add(messageStop());
        return events;
    }

    /** A tool call whose input arrives as two input_json_delta fragments that split a JSON token. */
    static List<Event> toolUse(String model, String id, String name, JsonNode input, long inputTokens) {
        var json = input.toString();
        int half = json.length() / 2;
        var events = new ArrayList<Event>();
        events.add(messageStart(model, inputTokens));
        events.add(toolUseStart(0, id, name));
        events.add(ping());
        events.add(inputJsonDelta(0, ""));
        events.add(inputJsonDelta(0, json.substring(0, half)));
        events.add(inputJsonDelta(0, json.substring(half)));
        events.add(blockStop(0));
        events.add(messageDelta("tool_use", FakeAnswers.words(json)));
        events.add(messageStop());
        return events;
    }
}
