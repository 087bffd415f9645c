package dev.warden.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * The checks the real Messages API makes that translator bugs would trip, with its documented error types. Returns
 * the error message of the first violation (an {@code invalid_request_error}), or null when the body is valid.
 */
final class AnthropicRules {
    static final Set<String> FIELDS = Set.of("model", "messages", "max_tokens", "system", "metadata",
            "stop_sequences", "stream", "temperature", "top_p", "top_k", "tools", "tool_choice", "thinking",
            "service_tier", "container", "mcp_servers", "context_management", "output_config");
    private static final Set<String> BLOCKS = Set.of("text", "image", "document", "tool_use", "tool_result",
            "thinking", "redacted_thinking");
    private static final Set<String> MEDIA_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp");
    private static final Set<String> TOOL_CHOICES = Set.of("auto", "any", "tool", "none");

    private AnthropicRules() {}

    static String check(JsonNode root) {
        for (var it = root.fieldNames(); it.hasNext(); ) {
            var field = it.next();
            if (!FIELDS.contains(field)) {
                return field + ": Extra inputs are not permitted";
            }
        }
        for (var required : new String[] {"model", "messages", "max_tokens"}) {
            if (!root.has(required)) {
                return required + ": Field required";
            }
        }
        if (!root.get("max_tokens").isInt() || root.get("max_tokens").asInt() < 1) {
            return "max_tokens: Input should be a valid integer greater than or equal to 1";
        }
        var temperature = root.path("temperature");
        if (!temperature.isMissingNode() && (temperature.asDouble() < 0 || temperature.asDouble() > 1)) {
            return "temperature: range: 0..1";
        }
        var stream = root.path("stream");
        if (!stream.isMissingNode() && !stream.isBoolean()) {
            return "stream: Input should be a valid boolean";
        }
        var system = root.path("system");
        if (!system.isMissingNode() && !system.isTextual()) {
            if (!system.isArray()) {
                return "system: Input should be a valid string or list";
            }
            for (var block : system) {
                if (!"text".equals(block.path("type").asText()) || block.path("text").asText().isEmpty()) {
                    return "system: text content blocks must be non-empty";
                }
            }
        }
        var error = messages(root.get("messages"));
        return error != null ? error : tools(root);
    }

    private static String messages(JsonNode messages) {
        if (!messages.isArray()) {
            return "messages: Input should be a valid list";
        }
        String previousRole = null;
        Set<String> openToolUses = new HashSet<>();
        for (int i = 0; i < messages.size(); i++) {
            var message = messages.get(i);
            var role = message.path("role").asText("");
            if (role.equals("system")) {
                return "messages: Unexpected role \"system\". The Messages API accepts a top-level `system` "
                        + "parameter, not \"system\" as an input message role.";
            }
            if (!role.equals("user") && !role.equals("assistant")) {
                return "messages." + i + ".role: Input should be 'user' or 'assistant'";
            }
            if (i == 0 && !role.equals("user")) {
                return "messages: first message must use the \"user\" role";
            }
            if (role.equals(previousRole)) {
                return "messages: roles must alternate between \"user\" and \"assistant\", but found multiple \""
                        + role + "\" roles in a row";
            }
            previousRole = role;
            var content = message.path("content");
            boolean finalAssistant = i == messages.size() - 1 && role.equals("assistant");
            if ((content.isTextual() && content.asText().isEmpty() || content.isArray() && content.isEmpty())
                    && !finalAssistant) {
                return "messages." + i + ": all messages must have non-empty content except for the optional "
                        + "final assistant message";
            }
            if (!content.isTextual() && !content.isArray()) {
                return "messages." + i + ".content: Input should be a valid string or list";
            }
            var error = blocks(i, role, content, openToolUses);
            if (error != null) {
                return error;
            }
        }
        return null;
    }

    /** {@code openToolUses} carries the previous assistant turn's tool_use ids into the next user turn. */
    private static String blocks(int i, String role, JsonNode content, Set<String> openToolUses) {
        var answered = new HashSet<String>();
        var uses = new HashSet<String>();
        boolean seenOther = false;
        for (int j = 0; content.isArray() && j < content.size(); j++) {
            var block = content.get(j);
            var at = "messages." + i + ".content." + j;
            var type = block.path("type").asText("");
            if (!BLOCKS.contains(type)) {
                return at + ".type: Input tag '" + type + "' found using 'type' does not match any of the expected "
                        + "tags";
            }
            switch (type) {
                case "text" -> {
                    if (block.path("text").asText("").isEmpty()) {
                        return "messages: text content blocks must be non-empty";
                    }
                }
                case "image" -> {
                    var source = block.path("source");
                    var kind = source.path("type").asText("");
                    if (kind.equals("base64") && !MEDIA_TYPES.contains(source.path("media_type").asText())) {
                        return at + ".source.base64.media_type: Input should be 'image/jpeg', 'image/png', "
                                + "'image/gif' or 'image/webp'";
                    }
                    if (kind.equals("url") && !source.path("url").asText("").startsWith("http")) {
                        return at + ".source.url: Only http and https URLs are supported";
                    }
                    if (!kind.equals("base64") && !kind.equals("url")) {
                        return at + ".source: Input tag '" + kind + "' does not match any of the expected tags";
                    }
                }
                case "tool_use" -> {
                    if (!role.equals("assistant")) {
                        return at + ": tool_use blocks may only appear in assistant messages";
                    }
                    if (!block.path("input").isObject()) {
                        return at + ".tool_use.input: Input should be a valid dictionary";
                    }
                    uses.add(block.path("id").asText());
                }
                case "tool_result" -> {
                    if (!role.equals("user")) {
                        return at + ": tool_result blocks may only appear in user messages";
                    }
                    if (seenOther) {
                        return "messages." + i + ": tool_result blocks must come first in the user message content";
                    }
                    var id = block.path("tool_use_id").asText("");
                    if (!openToolUses.contains(id)) {
                        return at + ": unexpected `tool_use_id` found in `tool_result` blocks: " + id
                                + ". Each `tool_result` block must have a corresponding `tool_use` block in the "
                                + "previous message.";
                    }
                    answered.add(id);
                }
                case "thinking" -> {
                    if (!block.path("signature").isTextual()) {
                        return at + ".thinking.signature: Field required";
                    }
                }
                default -> { }
            }
            if (!type.equals("tool_result")) {
                seenOther = true;
            }
        }
        if (role.equals("user") && !openToolUses.isEmpty() && !answered.containsAll(openToolUses)) {
            return "messages." + i + ": `tool_use` ids were found without `tool_result` blocks immediately after. "
                    + "Each `tool_use` block must have a corresponding `tool_result` block in the next message.";
        }
        openToolUses.clear();
        openToolUses.addAll(uses);
        return null;
    }

    private static String tools(JsonNode root) {
        var names = new HashSet<String>();
        var tools = root.path("tools");
        for (int k = 0; k < tools.size(); k++) {
            var tool = tools.get(k);
            if (!tool.path("name").isTextual()) {
                return "tools." + k + ".name: Field required";
            }
            if (!tool.path("input_schema").isObject()) {
                return "tools." + k + ".input_schema: Field required";
            }
            names.add(tool.path("name").asText());
        }
        var choice = root.path("tool_choice");
        if (choice.isMissingNode()) {
            return null;
        }
        var type = choice.path("type").asText("");
        if (!TOOL_CHOICES.contains(type)) {
            return "tool_choice: Input tag '" + type + "' found using 'type' does not match any of the expected tags";
        }
        if (type.equals("tool") && !names.contains(choice.path("name").asText())) {
            return "tool_choice: Tool '" + choice.path("name").asText() + "' not found in provided tools";
        }
        if (!type.equals("none") && tools.isEmpty()) {
            return "tool_choice: tool_choice may only be specified while providing tools.";
        }
        return null;
    }
}
