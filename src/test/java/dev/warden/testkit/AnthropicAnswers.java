package dev.warden.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * {@link FakeAnthropicUpstream}'s deterministic answers and Anthropic's error bodies. Tokens are words here:
 * deterministic and easy to assert.
 */
final class AnthropicAnswers {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String MESSAGE_ID = "msg_fake_1";
    static final String TOOL_USE_ID = "toolu_fake_1";

    private AnthropicAnswers() {}

    /** Anthropic's error shape: {@code {"type": "error", "error": {"type", "message"}, "request_id"}}. */
    static String error(String type, String message) {
        var root = JSON.createObjectNode().put("type", "error");
        root.putObject("error").put("type", type).put("message", message);
        root.put("request_id", "req_fake_error");
        return root.toString();
    }

    /** Text of a content value (string, or the text blocks and tool result texts of an array). */
    static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        var out = new StringBuilder();
        for (var block : content) {
            switch (block.path("type").asText()) {
                case "text" -> out.append(block.path("text").asText());
                case "tool_result" -> out.append(text(block.path("content")));
                default -> { }
            }
        }
        return out.toString();
    }

    /** "Echo: " and the text of the last user message. */
    static String echoText(JsonNode messages) {
        String last = "";
        for (var message : messages) {
            if ("user".equals(message.path("role").asText())) {
                last = text(message.path("content"));
            }
        }
        return "Echo: " + last;
    }

    static int inputWords(JsonNode root) {
        int count = FakeAnswers.words(text(root.path("system")));
        for (var message : root.path("messages")) {
            count += FakeAnswers.words(text(message.path("content")));
        }
        return count;
    }

    /**
     * The tool the request forces ({@code tool_choice} tool, or any with tools), or null: then the fake calls it with
     * {@code {"echo": <last user text>}} instead of answering in text.
     */
    static String forcedTool(JsonNode root) {
        var choice = root.path("tool_choice");
        return switch (choice.path("type").asText("")) {
            case "tool" -> choice.path("name").asText();
            case "any" -> root.path("tools").path(0).path("name").asText();
            default -> null;
        };
    }

    static ObjectNode toolInput(JsonNode root) {
        return JSON.createObjectNode().put("echo", echoText(root.path("messages")).substring("Echo: ".length()));
    }

    static String message(String model, JsonNode root) {
        var body = JSON.createObjectNode();
        body.put("id", MESSAGE_ID).put("type", "message").put("role", "assistant").put("model", model);
        var content = body.putArray("content");
        var tool = forcedTool(root);
        int output;
        if (tool != null) {
            var input = toolInput(root);
            var block = content.addObject().put("type", "tool_use").put("id", TOOL_USE_ID).put("name", tool);
            block.set("input", input);
            body.put("stop_reason", "tool_use");
            output = FakeAnswers.words(input.toString());
        } else {
            var text = echoText(root.path("messages"));
            content.addObject().put("type", "text").put("text", text);
            body.put("stop_reason", "end_turn");
            output = FakeAnswers.words(text);
        }
        body.putNull("stop_sequence");
        body.putObject("usage").put("input_tokens", inputWords(root)).put("cache_creation_input_tokens", 0)
                .put("cache_read_input_tokens", 0).put("output_tokens", output);
        return body.toString();
    }

    static List<AnthropicEvents.Event> events(String model, JsonNode root) {
        var tool = forcedTool(root);
        if (tool != null) {
            return AnthropicEvents.toolUse(model, TOOL_USE_ID, tool, toolInput(root), inputWords(root));
        }
        return AnthropicEvents.text(model, echoText(root.path("messages")), inputWords(root));
    }
}
