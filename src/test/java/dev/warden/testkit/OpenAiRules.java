package dev.warden.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * The checks the real OpenAI API makes that translator bugs would trip. Returns OpenAI's error body (a 400) for the
 * first violation, or null when the body is valid; shared by the OpenAI and Azure routes of {@link FakeOpenAiUpstream}.
 */
final class OpenAiRules {
    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool");

    private OpenAiRules() {}

    static String check(String operation, JsonNode root) {
        var required = switch (operation) {
            case "chat/completions" -> "messages";
            case "completions" -> "prompt";
            default -> "input";
        };
        if (!root.has(required)) {
            return FakeAnswers.error("Missing required parameter: '" + required + "'.",
                    "invalid_request_error", required, "missing_required_parameter");
        }
        if (root.has("stream_options") && !root.path("stream").asBoolean(false)) {
            return FakeAnswers.error("The 'stream_options' parameter is only allowed when 'stream' is "
                    + "enabled.", "invalid_request_error", "stream_options", null);
        }
        if (operation.equals("chat/completions")) {
            var messages = root.get("messages");
            if (!messages.isArray() || messages.isEmpty()) {
                return FakeAnswers.error("Invalid 'messages': empty array. Expected an array with "
                        + "minimum length 1, but got an empty array instead.", "invalid_request_error", "messages",
                        "empty_array");
            }
            for (int i = 0; i < messages.size(); i++) {
                var message = messages.get(i);
                var role = message.path("role").asText("");
                if (!ROLES.contains(role)) {
                    return FakeAnswers.error("Invalid value: '" + role + "'. Supported values are: "
                            + "'system', 'assistant', 'user', 'function', 'tool', and 'developer'.",
                            "invalid_request_error", "messages[" + i + "].role", "invalid_value");
                }
                if (role.equals("tool") && !message.path("tool_call_id").isTextual()) {
                    return FakeAnswers.error("Missing required parameter: 'messages[" + i
                            + "].tool_call_id'.", "invalid_request_error", "messages[" + i + "].tool_call_id",
                            "missing_required_parameter");
                }
            }
        }
        return null;
    }
}
