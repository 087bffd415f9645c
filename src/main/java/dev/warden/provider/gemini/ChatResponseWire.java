package dev.warden.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.llm.ChatResponse;
import dev.warden.llm.Choice;
import dev.warden.llm.ContentPart;
import dev.warden.llm.FinishReason;
import dev.warden.llm.Message;
import dev.warden.llm.Role;
import dev.warden.provider.ProviderJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code GenerateContentResponse} → canonical response. Pure: ids and the timestamp are given. Gemini names no
 * tool-call ids, so each function call gets one from {@code ids} (or the upstream's, when a model version sends
 * one); {@code responseId} becomes the answer id and {@code modelVersion} its model. A prompt blocked by
 * {@code promptFeedback.blockReason} has no candidates and is answered as one empty choice finished by
 * CONTENT_FILTER, so clients see why nothing came back.
 */
final class ChatResponseWire {
    private ChatResponseWire() {}

    /** What any answer (whole or streamed) says about itself. */
    record Meta(String id, String model) {
        static Meta of(JsonNode root, String requestModel, Supplier<String> ids) {
            var id = ProviderJson.text(root, "responseId");
            var model = ProviderJson.text(root, "modelVersion");
            return new Meta(id == null || id.isEmpty() ? ids.get() : id,
                    model == null || model.isEmpty() ? requestModel : model);
        }
    }

    /** @throws IOException when the body is not JSON, or has neither candidates nor a prompt block reason */
    static ChatResponse fromWire(byte[] body, String requestModel, Supplier<String> ids, long created)
            throws IOException {
        var root = ProviderJson.read(body);
        if (root == null || !root.isObject()) {
            throw new IOException("GenerateContentResponse is not an object");
        }
        var meta = Meta.of(root, requestModel, ids);
        var candidates = root.path("candidates");
        var choices = new ArrayList<Choice>(Math.max(1, candidates.size()));
        for (var candidate : candidates) {
            var parts = parts(candidate.path("content").path("parts"), ids);
            boolean called = parts.stream().anyMatch(p -> p instanceof ContentPart.ToolCall);
            var reason = UsageWire.finishReason(candidate.get("finishReason"), called);
            choices.add(new Choice(candidate.path("index").asInt(choices.size()),
                    new Message(Role.ASSISTANT, parts, null), reason));
        }
        if (choices.isEmpty()) {
            if (!blocked(root)) {
                throw new IOException("GenerateContentResponse without candidates or block reason");
            }
            choices.add(new Choice(0, new Message(Role.ASSISTANT, List.of(), null), FinishReason.CONTENT_FILTER));
        }
        return new ChatResponse(meta.id(), meta.model(), created, choices,
                UsageWire.fromWire(root.get("usageMetadata")), null);
    }

    static boolean blocked(JsonNode root) {
        var reason = ProviderJson.text(root.path("promptFeedback"), "blockReason");
        return reason != null && !reason.isEmpty();
    }

    /**
     * Text parts → Text, {@code thought} parts → Thinking, function calls → ToolCall with the args as JSON text. A
     * thought signature on a non-thought part is kept as a text-less Thinking part just before it, so that it can
     * be sent back in the next turn, which Gemini requires for function calling with thinking models.
     */
    static List<ContentPart> parts(JsonNode wire, Supplier<String> ids) {
        var parts = new ArrayList<ContentPart>(wire.size());
        for (var part : wire) {
            var signature = ProviderJson.text(part, "thoughtSignature");
            boolean thought = part.path("thought").asBoolean(false);
            if (thought) {
                parts.add(new ContentPart.Thinking(ProviderJson.text(part, "text", ""), signature));
                continue;
            }
            var text = ProviderJson.text(part, "text");
            var call = part.get("functionCall");
            if (text == null && (call == null || !call.isObject())) {
                continue; // executable code, inline media and other parts have no canonical form in a chat answer
            }
            if (signature != null) {
                parts.add(new ContentPart.Thinking("", signature));
            }
            if (text != null) {
                parts.add(new ContentPart.Text(text));
            } else {
                parts.add(toolCall(call, ids));
            }
        }
        return parts;
    }

    static ContentPart.ToolCall toolCall(JsonNode call, Supplier<String> ids) {
        var id = ProviderJson.text(call, "id");
        var args = call.get("args");
        return new ContentPart.ToolCall(id == null || id.isEmpty() ? ids.get() : id,
                ProviderJson.text(call, "name", ""),
                args == null || args.isNull() ? "{}" : args.toString());
    }
}
