package dev.warden.provider.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.llm.ChatResponse;
import dev.warden.llm.Choice;
import dev.warden.llm.ContentPart;
import dev.warden.llm.Message;
import dev.warden.llm.Role;
import dev.warden.provider.ProviderJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Ollama's whole {@code /api/chat} answer → canonical response. Pure: ids come from the given source (Ollama's answer
 * has none, and older versions give tool calls none either), {@code now} stands in for a missing {@code created_at}.
 */
final class ChatResponseWire {
    private ChatResponseWire() {}

    /** @throws IOException when the body is not JSON or has no {@code message} object */
    static ChatResponse fromWire(byte[] body, Supplier<String> ids, long now) throws IOException {
        var root = ProviderJson.read(body);
        var message = root == null ? null : root.get("message");
        if (message == null || !message.isObject()) {
            throw new IOException("chat answer without a message");
        }
        var parts = new ArrayList<ContentPart>();
        var thinking = ProviderJson.text(message, "thinking");
        if (thinking != null && !thinking.isEmpty()) {
            parts.add(new ContentPart.Thinking(thinking, null));
        }
        var content = ProviderJson.text(message, "content");
        if (content != null && !content.isEmpty()) {
            parts.add(new ContentPart.Text(content));
        }
        var calls = toolCalls(message.path("tool_calls"), ids);
        parts.addAll(calls);
        var choice = new Choice(0, new Message(Role.ASSISTANT, parts, null),
                DoneWire.finishReason(root.get("done_reason"), !calls.isEmpty()));
        return new ChatResponse(ids.get(), ProviderJson.text(root, "model", ""),
                Timestamps.epochSeconds(root, "created_at", now),
                List.of(choice), DoneWire.usage(root), null);
    }

    /** Newer Ollama versions give each call an id; older ones none, so one is made up to correlate the result. */
    static List<ContentPart.ToolCall> toolCalls(JsonNode calls, Supplier<String> ids) {
        var out = new ArrayList<ContentPart.ToolCall>(calls.size());
        for (var call : calls) {
            out.add(toolCall(call, ids));
        }
        return out;
    }

    static ContentPart.ToolCall toolCall(JsonNode call, Supplier<String> ids) {
        var function = call.path("function");
        var id = ProviderJson.text(call, "id");
        return new ContentPart.ToolCall(id == null || id.isEmpty() ? ids.get() : id,
                ProviderJson.text(function, "name", ""),
                argumentsText(function.get("arguments")));
    }

    /** Arguments are a JSON object on Ollama's wire; the canonical model keeps JSON text. */
    static String argumentsText(JsonNode arguments) {
        if (arguments == null || arguments.isNull()) {
            return "{}";
        }
        return arguments.isTextual() ? arguments.asText() : arguments.toString();
    }
}
