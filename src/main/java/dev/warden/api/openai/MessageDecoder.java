package dev.warden.api.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.warden.api.wire.ObjectFields;
import dev.warden.llm.ContentPart;
import dev.warden.llm.Message;
import dev.warden.llm.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The {@code messages} array of a chat request. */
final class MessageDecoder {
    private MessageDecoder() {}

    /**
     * Fields a message may carry. Clients commonly echo a whole response message back into the history, so the
     * response-only fields ({@code refusal}, {@code audio}, {@code function_call}, {@code annotations}) must be
     * accepted when empty; {@code reasoning_content} is the DeepSeek/vLLM reasoning extension Warden also emits.
     */
    private static final Set<String> KNOWN = Set.of("role", "content", "name", "tool_calls", "tool_call_id",
            "refusal", "audio", "function_call", "annotations", "reasoning_content");

    static List<Message> decode(ObjectFields request) {
        ArrayNode array = request.array("messages");
        if (array == null) {
            throw RequestErrors.missing("messages");
        }
        if (array.isEmpty()) {
            throw RequestErrors.invalid("messages", "Invalid 'messages': empty array. Expected an array with"
                    + " minimum length 1, but got an empty array instead.");
        }
        var messages = new ArrayList<Message>(array.size());
        for (int i = 0; i < array.size(); i++) {
            messages.add(message(ObjectFields.of(RequestErrors.WORDING, array.get(i), "messages[" + i + "]")));
        }
        return messages;
    }

    private static Message message(ObjectFields m) {
        m.rejectUnknown(KNOWN);
        String role = m.requiredString("role");
        String name = m.string("name");
        return switch (role) {
            case "system" -> new Message(Role.SYSTEM, content(m, ContentDecoder.Allowed.TEXT), name);
            case "developer" -> new Message(Role.DEVELOPER, content(m, ContentDecoder.Allowed.TEXT), name);
            case "user" -> new Message(Role.USER, content(m, ContentDecoder.Allowed.USER), name);
            case "assistant" -> new Message(Role.ASSISTANT, assistantParts(m), name);
            case "tool" -> new Message(Role.TOOL, List.of(toolResult(m)), name);
            case "function" -> throw RequestErrors.invalid(m.at("role"), "The 'function' role is deprecated and"
                    + " not supported; send tool results with role 'tool' ('" + m.at("role") + "').");
            default -> throw RequestErrors.invalid(m.at("role"), "Invalid value for '" + m.at("role") + "': '"
                    + role + "'. Supported values are: 'system', 'developer', 'user', 'assistant' and 'tool'.");
        };
    }

    private static List<ContentPart> content(ObjectFields m, ContentDecoder.Allowed allowed) {
        return ContentDecoder.decode(m.required("content"), m.at("content"), allowed);
    }

    /** Reasoning first, then text, then tool calls: the order in which the model produced them. */
    private static List<ContentPart> assistantParts(ObjectFields m) {
        rejectPresent(m, "audio", "Assistant 'audio' in the history");
        rejectPresent(m, "function_call", "The deprecated 'function_call'");
        var parts = new ArrayList<ContentPart>();
        String reasoning = m.string("reasoning_content");
        if (reasoning != null && !reasoning.isEmpty()) {
            parts.add(new ContentPart.Thinking(reasoning, null));
        }
        JsonNode content = m.get("content");
        if (content != null) {
            parts.addAll(ContentDecoder.decode(content, m.at("content"), ContentDecoder.Allowed.ASSISTANT));
        }
        // A refusal is what the model said in that turn; keeping it as text keeps the conversation truthful.
        String refusal = m.string("refusal");
        if (refusal != null) {
            parts.add(new ContentPart.Text(refusal));
        }
        List<ContentPart.ToolCall> calls = toolCalls(m);
        if (content == null && refusal == null && calls.isEmpty()) {
            throw RequestErrors.missing(m.at("content"));
        }
        parts.addAll(calls);
        return parts;
    }

    private static List<ContentPart.ToolCall> toolCalls(ObjectFields m) {
        List<ObjectFields> items = m.objects("tool_calls");
        var calls = new ArrayList<ContentPart.ToolCall>(items.size());
        for (ObjectFields call : items) {
            String type = call.string("type");
            if (type != null && !type.equals("function")) {
                throw RequestErrors.unsupported(call.at("type"), "Tool call type '" + type + "'");
            }
            ObjectFields function = call.requiredObject("function");
            calls.add(new ContentPart.ToolCall(call.requiredString("id"), function.requiredString("name"),
                    function.requiredString("arguments")));
        }
        return calls;
    }

    /** A tool message answers one call; its content may only be text. */
    private static ContentPart.ToolResult toolResult(ObjectFields m) {
        String callId = m.requiredString("tool_call_id");
        return new ContentPart.ToolResult(callId, content(m, ContentDecoder.Allowed.TEXT), false);
    }

    private static void rejectPresent(ObjectFields m, String field, String what) {
        @Nullable JsonNode value = m.get(field);
        if (value != null) {
            throw RequestErrors.unsupported(m.at(field), what);
        }
    }
}
