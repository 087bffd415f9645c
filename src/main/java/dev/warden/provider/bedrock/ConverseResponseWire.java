package dev.warden.provider.bedrock;

import dev.warden.llm.ChatResponse;
import dev.warden.llm.Choice;
import dev.warden.llm.ContentPart;
import dev.warden.llm.FinishReason;
import dev.warden.llm.Message;
import dev.warden.llm.Role;
import dev.warden.provider.ProviderJson;
import java.io.IOException;
import java.util.ArrayList;
import org.jspecify.annotations.Nullable;

/**
 * Converse response → canonical chat response. Pure. Converse answers carry no id or timestamp; the caller
 * passes the request id Bedrock sent in {@code x-amzn-requestid} and the time it stamped.
 *
 * <p>Content blocks: {@code text} → text, {@code toolUse} → a tool call with its input serialized as the
 * arguments text, {@code reasoningContent.reasoningText} → thinking with its signature. Redacted reasoning
 * (opaque bytes) has no canonical form and is not returned. With the forced-tool JSON technique
 * ({@code jsonTool} non-null) that tool's input is the answer: it becomes text and the finish reason is a stop.
 */
final class ConverseResponseWire {
    private ConverseResponseWire() {}

    static ChatResponse fromWire(byte[] body, String id, String model, long created, @Nullable String jsonTool)
            throws IOException {
        var root = ProviderJson.read(body);
        if (root == null || !root.isObject()) {
            throw new IOException("not a JSON object");
        }
        var message = root.path("output").path("message");
        if (!message.isObject()) {
            throw new IOException("no output.message");
        }
        var parts = new ArrayList<ContentPart>();
        boolean answeredByJsonTool = false;
        for (var block : message.path("content")) {
            if (block.has("text")) {
                parts.add(new ContentPart.Text(block.get("text").asText()));
            } else if (block.has("toolUse")) {
                var use = block.get("toolUse");
                var name = ProviderJson.text(use, "name");
                var input = use.path("input");
                var arguments = input.isMissingNode() || input.isNull() ? "{}" : ProviderJson.writeString(input);
                if (jsonTool != null && jsonTool.equals(name)) {
                    parts.add(new ContentPart.Text(arguments));
                    answeredByJsonTool = true;
                } else {
                    parts.add(new ContentPart.ToolCall(ProviderJson.text(use, "toolUseId") == null ? ""
                            : ProviderJson.text(use, "toolUseId"), name == null ? "" : name, arguments));
                }
            } else if (block.path("reasoningContent").has("reasoningText")) {
                var reasoning = block.path("reasoningContent").path("reasoningText");
                parts.add(new ContentPart.Thinking(reasoning.path("text").asText(""),
                        ProviderJson.text(reasoning, "signature")));
            }
        }
        var finish = UsageWire.finishReason(ProviderJson.text(root, "stopReason"));
        if (answeredByJsonTool && finish == FinishReason.TOOL_CALLS) {
            finish = FinishReason.STOP;
        }
        var choice = new Choice(0, new Message(Role.ASSISTANT, parts, null), finish);
        return new ChatResponse(id, model, created, java.util.List.of(choice), UsageWire.fromWire(root.get("usage")),
                null);
    }
}
