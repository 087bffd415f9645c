package dev.warden.api.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.warden.api.wire.ObjectFields;
import dev.warden.llm.CacheHint;
import dev.warden.llm.ContentPart;
import dev.warden.llm.ImageSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The content blocks of one message, by type. {@code cache_control} on a text, image, tool_use or tool_result block
 * becomes the part's {@link CacheHint}, kept verbatim, so an Anthropic upstream receives the client's prompt-cache
 * breakpoints where they were set (Claude Code relies on them; without them every request pays full input price).
 */
final class BlockDecoder {
    private BlockDecoder() {}

    /** Block types the Messages API knows that Warden cannot translate yet: a 400 naming them, never a drop. */
    private static final Set<String> UNSUPPORTED = Set.of("document", "search_result", "server_tool_use",
            "web_search_tool_result", "web_fetch_tool_result", "code_execution_tool_result",
            "bash_code_execution_tool_result", "text_editor_code_execution_tool_result", "tool_search_tool_result",
            "container_upload", "mcp_tool_use", "mcp_tool_result", "tool_reference");

    private static final Set<String> TEXT = Set.of("type", "text", "cache_control", "citations");
    private static final Set<String> IMAGE = Set.of("type", "source", "cache_control");
    private static final Set<String> TOOL_USE = Set.of("type", "id", "name", "input", "cache_control", "caller",
            "toolset_name");
    private static final Set<String> TOOL_RESULT = Set.of("type", "tool_use_id", "content", "is_error",
            "cache_control", "toolset_name");
    private static final Set<String> THINKING = Set.of("type", "thinking", "signature");
    private static final Set<String> REDACTED = Set.of("type", "data");
    private static final Set<String> BASE64 = Set.of("type", "media_type", "data");
    private static final Set<String> URL = Set.of("type", "url");
    private static final Set<String> MEDIA_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp");

    /**
     * A redacted thinking block has no canonical twin; it travels as a {@link ContentPart.Thinking} with empty text
     * whose signature is this prefix followed by the block's opaque {@code data}, so an Anthropic upstream (and
     * this dialect's encoder) can restore it exactly. Other upstreams cannot use it and drop reasoning anyway.
     */
    static final String REDACTED_PREFIX = ContentPart.Thinking.REDACTED_PREFIX;

    /** Content that is not a string must be a list of blocks. */
    static ArrayNode blocks(JsonNode content, String path) {
        if (content instanceof ArrayNode array) {
            return array;
        }
        throw RequestErrors.wrongType(path, "a valid string or a valid list");
    }

    static String type(ObjectFields block) {
        return block.requiredString("type");
    }

    static void rejectUnsupported(ObjectFields block, String type) {
        if (UNSUPPORTED.contains(type)) {
            throw RequestErrors.unsupported(block.at("type"), "Content block type '" + type + "'");
        }
    }

    static ContentPart.Text text(ObjectFields block) {
        block.rejectUnknown(TEXT);
        ArrayNode citations = block.array("citations");
        if (citations != null && !citations.isEmpty()) {
            // Citations point into documents or search results, which Warden does not carry yet.
            throw RequestErrors.unsupported(block.at("citations"), "Text block citations");
        }
        return new ContentPart.Text(block.requiredString("text"), cache(block));
    }

    /** The block's {@code cache_control}, kept as sent; null when absent. Any object passes: Anthropic judges it. */
    static @Nullable CacheHint cache(ObjectFields block) {
        JsonNode control = block.get("cache_control");
        if (control == null) {
            return null;
        }
        if (!control.isObject()) {
            throw RequestErrors.wrongType(block.at("cache_control"), "a valid dictionary");
        }
        return CacheHint.of(control.toString());
    }

    static ContentPart.Image image(ObjectFields block) {
        block.rejectUnknown(IMAGE);
        ObjectFields source = block.requiredObject("source");
        String type = source.requiredString("type");
        return switch (type) {
            case "base64" -> {
                source.rejectUnknown(BASE64);
                String mediaType = source.requiredString("media_type");
                if (!MEDIA_TYPES.contains(mediaType)) {
                    throw RequestErrors.invalid(source.at("media_type"), "Input should be 'image/jpeg', "
                            + "'image/png', 'image/gif' or 'image/webp'");
                }
                yield new ContentPart.Image(new ImageSource.Base64(mediaType, source.requiredString("data")), null,
                        cache(block));
            }
            case "url" -> {
                source.rejectUnknown(URL);
                yield new ContentPart.Image(new ImageSource.Url(source.requiredString("url")), null, cache(block));
            }
            case "file" -> throw RequestErrors.unsupported(source.at("type"), "Image source type 'file'");
            default -> throw RequestErrors.badTag(source.path(), type, "'base64', 'url', 'file'");
        };
    }

    /** {@code input} must be an object; it becomes the call's arguments as compact JSON text. */
    static ContentPart.ToolCall toolUse(ObjectFields block) {
        block.rejectUnknown(TOOL_USE);
        // Programmatic tool calling and MCP toolsets run tools inside Anthropic; no other upstream can.
        block.rejectPresent("caller", "Tool use 'caller'");
        block.rejectPresent("toolset_name", "Tool use 'toolset_name'");
        JsonNode input = block.required("input");
        if (!input.isObject()) {
            throw RequestErrors.wrongType(block.at("input"), "a valid dictionary");
        }
        return new ContentPart.ToolCall(block.requiredString("id"), block.requiredString("name"), input.toString(),
                cache(block));
    }

    /** A tool's answer: a string, or text and image blocks. */
    static ContentPart.ToolResult toolResult(ObjectFields block) {
        block.rejectUnknown(TOOL_RESULT);
        block.rejectPresent("toolset_name", "Tool result 'toolset_name'");
        String id = block.requiredString("tool_use_id");
        boolean isError = Boolean.TRUE.equals(block.bool("is_error"));
        CacheHint cache = cache(block);
        JsonNode content = block.get("content");
        if (content == null) {
            return new ContentPart.ToolResult(id, List.of(), isError, cache);
        }
        if (content.isTextual()) {
            return new ContentPart.ToolResult(id, List.of(new ContentPart.Text(content.textValue())), isError, cache);
        }
        ArrayNode array = blocks(content, block.at("content"));
        var parts = new ArrayList<ContentPart>(array.size());
        for (int i = 0; i < array.size(); i++) {
            ObjectFields inner = ObjectFields.of(RequestErrors.WORDING, array.get(i), block.at("content") + "." + i);
            String type = type(inner);
            parts.add(switch (type) {
                case "text" -> text(inner);
                case "image" -> image(inner);
                default -> {
                    rejectUnsupported(inner, type);
                    throw RequestErrors.badTag(inner.path(), type, "'text', 'image'");
                }
            });
        }
        return new ContentPart.ToolResult(id, parts, isError, cache);
    }

    static ContentPart.Thinking thinking(ObjectFields block) {
        block.rejectUnknown(THINKING);
        return new ContentPart.Thinking(block.requiredString("thinking"), block.requiredString("signature"));
    }

    static ContentPart.Thinking redactedThinking(ObjectFields block) {
        block.rejectUnknown(REDACTED);
        return new ContentPart.Thinking("", REDACTED_PREFIX + block.requiredString("data"));
    }
}
