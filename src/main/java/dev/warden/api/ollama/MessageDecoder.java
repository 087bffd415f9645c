package dev.warden.api.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.warden.api.wire.ObjectFields;
import dev.warden.llm.ContentPart;
import dev.warden.llm.Message;
import dev.warden.llm.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The {@code messages} array of {@code /api/chat}. */
final class MessageDecoder {
    private MessageDecoder() {}

    /**
     * Ollama's message fields, plus {@code tool_call_id}, which OpenAI-minded clients and newer Ollama versions send
     * on tool results and which pairs a result with its call more exactly than {@code tool_name}.
     */
    private static final Set<String> KNOWN = Set.of("role", "content", "images", "thinking", "tool_calls",
            "tool_name", "tool_call_id");
    /** {@code index} is a streaming position newer Ollama versions echo back; order already says the same. */
    private static final Set<String> CALL_KNOWN = Set.of("function", "id", "type");
    private static final Set<String> FUNCTION_KNOWN = Set.of("name", "arguments", "index");

    /** An absent or empty {@code messages} array is Ollama's "load the model" request; it decodes to no messages. */
    static List<Message> decode(ObjectFields request) {
        ArrayNode array = request.array("messages");
        if (array == null) {
            return List.of();
        }
        var linker = new ToolCallLinker();
        var messages = new ArrayList<Message>(array.size());
        for (int i = 0; i < array.size(); i++) {
            messages.add(message(ObjectFields.of(RequestErrors.WORDING, array.get(i), "messages[" + i + "]"), i, linker));
        }
        return messages;
    }

    private static Message message(ObjectFields m, int index, ToolCallLinker linker) {
        m.rejectUnknown(KNOWN);
        // Ollama lower-cases the role before looking at it, so "User" is a user.
        String role = m.requiredString("role").toLowerCase(Locale.ROOT);
        if (!role.equals("assistant")) {
            rejectPresent(m, "thinking", role);
            rejectPresent(m, "tool_calls", role);
        }
        if (!role.equals("tool")) {
            rejectPresent(m, "tool_name", role);
            rejectPresent(m, "tool_call_id", role);
        }
        if (!role.equals("user")) {
            rejectPresent(m, "images", role);
        }
        var parts = new ArrayList<ContentPart>();
        return switch (role) {
            case "system" -> new Message(Role.SYSTEM, text(m, parts), null);
            case "user" -> {
                text(m, parts);
                ArrayNode images = m.array("images");
                if (images != null) {
                    parts.addAll(ImageDecoder.decode(images, m.at("images")));
                }
                yield new Message(Role.USER, nonEmpty(parts), null);
            }
            case "assistant" -> {
                String thinking = m.nonEmptyString("thinking");
                if (thinking != null) {
                    parts.add(new ContentPart.Thinking(thinking, null));
                }
                text(m, parts);
                List<ContentPart.ToolCall> calls = toolCalls(m, index);
                linker.assistant(calls);
                parts.addAll(calls);
                yield new Message(Role.ASSISTANT, nonEmpty(parts), null);
            }
            case "tool" -> {
                String callId = linker.answer(m.path(), m.nonEmptyString("tool_call_id"), m.nonEmptyString("tool_name"));
                String content = content(m);
                yield new Message(Role.TOOL, List.of(new ContentPart.ToolResult(callId,
                        List.of(new ContentPart.Text(content)), false)), null);
            }
            default -> throw RequestErrors.invalid(m.at("role"), m.at("role") + ": invalid value '" + role
                    + "'; expected 'system', 'user', 'assistant' or 'tool'");
        };
    }

    /** Absent content is the empty string, as in Ollama; an empty text is not made into a part. */
    private static List<ContentPart> text(ObjectFields m, List<ContentPart> parts) {
        String content = content(m);
        if (!content.isEmpty()) {
            parts.add(new ContentPart.Text(content));
        }
        return nonEmpty(parts);
    }

    private static String content(ObjectFields m) {
        JsonNode content = m.get("content");
        if (content == null) {
            return "";
        }
        if (!content.isTextual()) {
            throw RequestErrors.wrongType(m.at("content"), "a string", content);
        }
        return content.textValue();
    }

    /** A turn with nothing in it still happened; one empty text keeps it in the conversation. */
    private static List<ContentPart> nonEmpty(List<ContentPart> parts) {
        return parts.isEmpty() ? List.of(new ContentPart.Text("")) : parts;
    }

    private static List<ContentPart.ToolCall> toolCalls(ObjectFields m, int messageIndex) {
        List<ObjectFields> items = m.objects("tool_calls");
        var calls = new ArrayList<ContentPart.ToolCall>(items.size());
        for (int i = 0; i < items.size(); i++) {
            ObjectFields call = items.get(i);
            call.rejectUnknown(CALL_KNOWN);
            String type = call.string("type");
            if (type != null && !type.equals("function")) {
                throw RequestErrors.invalid(call.at("type"), call.at("type") + ": invalid value '" + type
                        + "'; expected 'function'");
            }
            ObjectFields function = call.requiredObject("function");
            function.rejectUnknown(FUNCTION_KNOWN);
            String name = function.requiredString("name");
            JsonNode arguments = function.get("arguments");
            if (arguments != null && !arguments.isObject()) {
                throw RequestErrors.wrongType(function.at("arguments"), "an object", arguments);
            }
            String id = call.nonEmptyString("id");
            calls.add(new ContentPart.ToolCall(id != null ? id : ToolCallLinker.generatedId(messageIndex, i), name,
                    arguments == null ? "{}" : arguments.toString()));
        }
        return calls;
    }

    private static void rejectPresent(ObjectFields m, String field, String role) {
        JsonNode value = m.get(field);
        // Empty values say nothing; clients echoing a whole message back send "images": [] or "tool_name": "".
        boolean empty = value == null || (value.isContainerNode() && value.isEmpty())
                || (value.isTextual() && value.textValue().isEmpty());
        if (!empty) {
            throw RequestErrors.invalid(m.at(field), m.at(field) + ": not allowed in a message with role '" + role
                    + "'");
        }
    }
}
