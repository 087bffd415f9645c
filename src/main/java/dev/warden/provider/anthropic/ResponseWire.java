package dev.warden.provider.anthropic;

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

/**
 * Anthropic {@code message} body → canonical response. Pure. Content blocks become parts in order: text, tool_use
 * (input re-serialized as the arguments string), thinking (with its signature) and redacted_thinking (see
 * {@link MessagesWire#REDACTED_PREFIX}). Server-tool blocks (web search results and the like) have no canonical
 * form and are skipped; their effect is in the text that follows them.
 */
final class ResponseWire {
    private ResponseWire() {}

    /**
     * @param jsonMode whether JSON output was emulated: the forced tool's input is the answer text
     * @param created unix seconds to stamp (Anthropic does not report a creation time)
     * @throws IOException when the body is not JSON or is not a message
     */
    static ChatResponse fromWire(byte[] body, boolean jsonMode, long created) throws IOException {
        var root = ProviderJson.read(body);
        var content = root.path("content");
        if (!root.isObject() || !content.isArray()) {
            throw new IOException("not an Anthropic message");
        }
        var parts = parts(content, jsonMode);
        var choice = new Choice(0, new Message(Role.ASSISTANT, parts, null),
                UsageWire.stopReason(root.get("stop_reason"), jsonMode));
        return new ChatResponse(ProviderJson.text(root, "id", ""), ProviderJson.text(root, "model", ""), created,
                List.of(choice),
                UsageWire.fromWire(root.get("usage")), null);
    }

    static List<ContentPart> parts(JsonNode content, boolean jsonMode) {
        var parts = new ArrayList<ContentPart>(content.size());
        for (var block : content) {
            switch (ProviderJson.text(block, "type", "")) {
                case "text" -> {
                    var text = ProviderJson.text(block, "text", "");
                    if (!text.isEmpty()) {
                        parts.add(new ContentPart.Text(text));
                    }
                }
                case "tool_use" -> {
                    var input = block.path("input");
                    var arguments = input.isMissingNode() ? "{}" : input.toString();
                    var name = ProviderJson.text(block, "name", "");
                    if (jsonMode && name.equals(ToolsWire.JSON_TOOL)) {
                        parts.add(new ContentPart.Text(arguments));
                    } else {
                        parts.add(new ContentPart.ToolCall(ProviderJson.text(block, "id", ""), name, arguments));
                    }
                }
                case "thinking" -> parts.add(new ContentPart.Thinking(ProviderJson.text(block, "thinking", ""),
                        ProviderJson.text(block, "signature")));
                case "redacted_thinking" -> parts.add(new ContentPart.Thinking("",
                        MessagesWire.REDACTED_PREFIX + ProviderJson.text(block, "data", "")));
                default -> { } // server_tool_use, web_search_tool_result, ...: no canonical form
            }
        }
        return parts;
    }
}
