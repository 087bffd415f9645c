package dev.warden.provider.openaicompat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.llm.ChatResponse;
import dev.warden.llm.Choice;
import dev.warden.llm.ContentPart;
import dev.warden.llm.Message;
import dev.warden.llm.Role;
import dev.warden.provider.ProviderJson;
import java.io.IOException;
import java.util.ArrayList;

/** OpenAI {@code chat.completion} body → canonical response. Pure; unknown fields are ignored. */
final class ChatResponseWire {
    private ChatResponseWire() {}

    /** @throws IOException when the body is not JSON or lacks a choices array */
    static ChatResponse fromWire(byte[] body) throws IOException {
        var root = ProviderJson.read(body);
        var choicesNode = root.path("choices");
        if (!choicesNode.isArray()) {
            throw new IOException("chat.completion without choices");
        }
        var choices = new ArrayList<Choice>(choicesNode.size());
        for (var choice : choicesNode) {
            choices.add(new Choice(choice.path("index").asInt(choices.size()), message(choice.path("message")),
                    UsageWire.finishReason(choice.get("finish_reason"))));
        }
        return new ChatResponse(textOr(root, "id", ""), textOr(root, "model", ""),
                ProviderJson.longValue(root, "created"),
                choices, UsageWire.fromWire(root.get("usage")), ProviderJson.text(root, "system_fingerprint"));
    }

    private static Message message(JsonNode message) {
        var parts = new ArrayList<ContentPart>();
        var reasoning = ProviderJson.text(message, "reasoning_content");
        if (reasoning == null) {
            reasoning = ProviderJson.text(message, "reasoning");
        }
        if (reasoning != null && !reasoning.isEmpty()) {
            parts.add(new ContentPart.Thinking(reasoning, null));
        }
        var content = ProviderJson.text(message, "content");
        if (content == null) {
            // A refusal replaces the content; it is shown as text rather than lost.
            content = ProviderJson.text(message, "refusal");
        }
        if (content != null && !content.isEmpty()) {
            parts.add(new ContentPart.Text(content));
        }
        for (var call : message.path("tool_calls")) {
            var function = call.path("function");
            parts.add(new ContentPart.ToolCall(textOr(call, "id", ""), textOr(function, "name", ""),
                    argumentsText(function.get("arguments"))));
        }
        return new Message(Role.ASSISTANT, parts, null);
    }

    /** Arguments are a JSON string on the wire; a few servers send the object itself. */
    static String argumentsText(JsonNode arguments) {
        if (arguments == null || arguments.isNull()) {
            return "";
        }
        return arguments.isTextual() ? arguments.asText() : arguments.toString();
    }

    static String textOr(JsonNode node, String field, String fallback) {
        var value = ProviderJson.text(node, field);
        return value == null ? fallback : value;
    }
}
