package dev.warden.api.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.warden.api.wire.ObjectFields;
import dev.warden.llm.ContentPart;
import dev.warden.llm.Message;
import dev.warden.llm.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code messages} array. Anthropic puts tool results inside user turns; the canonical model gives each its own
 * {@link Role#TOOL} message, so a user turn is split at every {@code tool_result} block, keeping the order of
 * everything the turn said.
 *
 * <p>A {@code system} role message is accepted where the current Messages API accepts it: immediately after a user
 * turn ("mid-conversation system messages", Claude Opus 4.8 and later; Claude Code 2.x sends them). It becomes a
 * {@link Role#SYSTEM} message at that position. Anywhere else, in particular first, it is the classic mistake of a
 * client ported from OpenAI and gets the Anthropic API's own 400.
 */
final class MessageDecoder {
    private MessageDecoder() {}

    private static final Set<String> KNOWN = Set.of("role", "content");

    static List<Message> decode(ObjectFields request) {
        ArrayNode array = request.requiredArray("messages");
        var messages = new ArrayList<Message>(array.size() + 1);
        String previous = "";
        for (int i = 0; i < array.size(); i++) {
            ObjectFields m = ObjectFields.of(RequestErrors.WORDING, array.get(i), "messages." + i);
            m.rejectUnknown(KNOWN);
            String role = m.requiredString("role");
            JsonNode content = m.required("content");
            switch (role) {
                case "user" -> user(messages, content, m.at("content"));
                case "assistant" -> messages.add(new Message(Role.ASSISTANT, assistant(content, m.at("content")),
                        null));
                case "system" -> {
                    if (!previous.equals("user")) {
                        // The Anthropic API's own wording for the mistake clients ported from OpenAI make.
                        throw RequestErrors.invalid("messages", "Unexpected role \"system\". The Messages API"
                                + " accepts a top-level `system` parameter, not \"system\" as an input message role"
                                + " (a mid-conversation system message must immediately follow a user turn).");
                    }
                    messages.add(new Message(Role.SYSTEM, system(content, m.at("content")), null));
                }
                default -> throw RequestErrors.invalid(m.at("role"), "Input should be 'user', 'assistant' or"
                        + " 'system'");
            }
            previous = role;
        }
        return messages;
    }

    private static void user(List<Message> out, JsonNode content, String path) {
        if (content.isTextual()) {
            out.add(Message.text(Role.USER, content.textValue()));
            return;
        }
        ArrayNode blocks = BlockDecoder.blocks(content, path);
        var pending = new ArrayList<ContentPart>();
        boolean emitted = false;
        for (int i = 0; i < blocks.size(); i++) {
            ObjectFields block = ObjectFields.of(RequestErrors.WORDING, blocks.get(i), path + "." + i);
            String type = BlockDecoder.type(block);
            switch (type) {
                case "text" -> pending.add(BlockDecoder.text(block));
                case "image" -> pending.add(BlockDecoder.image(block));
                case "tool_result" -> {
                    if (!pending.isEmpty()) {
                        out.add(new Message(Role.USER, pending, null));
                        pending.clear();
                    }
                    out.add(new Message(Role.TOOL, List.of(BlockDecoder.toolResult(block)), null));
                    emitted = true;
                }
                case "tool_use", "thinking", "redacted_thinking" -> throw RequestErrors.invalid(block.at("type"),
                        "'" + type + "' blocks are only allowed in assistant messages");
                default -> {
                    BlockDecoder.rejectUnsupported(block, type);
                    throw RequestErrors.badTag(block.path(), type, "'text', 'image', 'tool_result'");
                }
            }
        }
        // A turn of only tool results needs no empty user message after them; an empty turn stays one.
        if (!pending.isEmpty() || !emitted) {
            out.add(new Message(Role.USER, pending, null));
        }
    }

    /** A mid-conversation system message: text only. */
    private static List<ContentPart> system(JsonNode content, String path) {
        if (content.isTextual()) {
            return List.of(new ContentPart.Text(content.textValue()));
        }
        ArrayNode blocks = BlockDecoder.blocks(content, path);
        var parts = new ArrayList<ContentPart>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            ObjectFields block = ObjectFields.of(RequestErrors.WORDING, blocks.get(i), path + "." + i);
            String type = BlockDecoder.type(block);
            if (!type.equals("text")) {
                throw RequestErrors.badTag(block.path(), type, "'text'");
            }
            parts.add(BlockDecoder.text(block));
        }
        return parts;
    }

    /** Thinking, text and tool calls, in the order the model produced them. */
    private static List<ContentPart> assistant(JsonNode content, String path) {
        if (content.isTextual()) {
            return List.of(new ContentPart.Text(content.textValue()));
        }
        ArrayNode blocks = BlockDecoder.blocks(content, path);
        var parts = new ArrayList<ContentPart>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            ObjectFields block = ObjectFields.of(RequestErrors.WORDING, blocks.get(i), path + "." + i);
            String type = BlockDecoder.type(block);
            parts.add(switch (type) {
                case "text" -> BlockDecoder.text(block);
                case "tool_use" -> BlockDecoder.toolUse(block);
                case "thinking" -> BlockDecoder.thinking(block);
                case "redacted_thinking" -> BlockDecoder.redactedThinking(block);
                case "image", "tool_result" -> throw RequestErrors.invalid(block.at("type"),
                        "'" + type + "' blocks are only allowed in user messages");
                default -> {
                    BlockDecoder.rejectUnsupported(block, type);
                    throw RequestErrors.badTag(block.path(), type,
                            "'text', 'tool_use', 'thinking', 'redacted_thinking'");
                }
            });
        }
        return parts;
    }
}
