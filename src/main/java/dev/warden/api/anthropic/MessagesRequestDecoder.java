package dev.warden.api.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.warden.api.wire.ObjectFields;
import dev.warden.api.wire.RequestBody;
import dev.warden.llm.ChatRequest;
import dev.warden.llm.ContentPart;
import dev.warden.llm.Message;
import dev.warden.llm.Role;
import dev.warden.llm.Sampling;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** POST /v1/messages and POST /v1/messages/count_tokens: wire JSON to {@link ChatRequest}. */
final class MessagesRequestDecoder {
    private MessagesRequestDecoder() {}

    static final Set<String> MESSAGES = Set.of("model", "messages", "max_tokens", "system", "metadata",
            "stop_sequences", "stream", "temperature", "top_p", "top_k", "tools", "tool_choice");

    /**
     * Anthropic request fields with no canonical counterpart, forwarded verbatim in {@link ChatRequest#extra()} so
     * that an Anthropic upstream receives them as sent. Any other top-level field is a 400, as at Anthropic.
     */
    static final Set<String> MESSAGES_PASS_THROUGH = Set.of("thinking", "service_tier", "container",
            "context_management", "mcp_servers", "cache_control", "inference_geo", "output_config", "output_format",
            "speed", "diagnostics");

    /** count_tokens takes the prompt only: no max_tokens, sampling, metadata or stream (Anthropic rejects them). */
    static final Set<String> COUNT = Set.of("model", "messages", "system", "tools", "tool_choice");

    static final Set<String> COUNT_PASS_THROUGH = Set.of("thinking", "context_management", "mcp_servers",
            "cache_control", "output_config", "output_format", "speed");

    private static final Set<String> SYSTEM_BLOCK = Set.of("type", "text", "cache_control", "citations");

    static ChatRequest decodeMessages(ObjectMapper mapper, byte[] body) {
        RequestBody request = RequestBody.parse(RequestErrors.WORDING, mapper, body, MESSAGES, MESSAGES_PASS_THROUGH::contains);
        ObjectFields f = request.fields();
        String model = model(f);
        List<Message> messages = messages(f);
        // Required by Anthropic; absence is a 400 here too, so a client never depends on a gateway default.
        Integer maxTokens = f.integer("max_tokens", 1);
        if (maxTokens == null) {
            throw RequestErrors.missing("max_tokens");
        }
        var sampling = new Sampling(f.number("temperature", 0, 1), f.number("top_p", 0, 1), maxTokens,
                stopSequences(f), null, null, null, null, f.integer("top_k", 0));
        ToolDecoder.Choice choice = ToolDecoder.toolChoice(f);
        // Anthropic streams always carry usage, so the canonical stream must always ask for it.
        return new ChatRequest(model, messages, sampling, ToolDecoder.tools(f), choice.choice(), null,
                choice.parallelToolCalls(), Objects.requireNonNullElse(f.bool("stream"), false), true, user(f),
                request.extra(), AnthropicCodec.DIALECT);
    }

    static ChatRequest decodeCountTokens(ObjectMapper mapper, byte[] body) {
        RequestBody request = RequestBody.parse(RequestErrors.WORDING, mapper, body, COUNT, COUNT_PASS_THROUGH::contains);
        ObjectFields f = request.fields();
        String model = model(f);
        List<Message> messages = messages(f);
        ToolDecoder.Choice choice = ToolDecoder.toolChoice(f);
        return new ChatRequest(model, messages, Sampling.DEFAULTS, ToolDecoder.tools(f), choice.choice(), null,
                choice.parallelToolCalls(), false, false, null, request.extra(), AnthropicCodec.DIALECT);
    }

    private static String model(ObjectFields f) {
        String model = f.requiredString("model");
        if (model.isBlank()) {
            throw RequestErrors.invalid("model", "String should have at least 1 character");
        }
        return model;
    }

    /** The system prompt, if any, leads as one system message. */
    private static List<Message> messages(ObjectFields f) {
        List<Message> conversation = MessageDecoder.decode(f);
        List<ContentPart> system = system(f);
        if (system.isEmpty()) {
            return conversation;
        }
        var all = new ArrayList<Message>(conversation.size() + 1);
        all.add(new Message(Role.SYSTEM, system, null));
        all.addAll(conversation);
        return all;
    }

    /**
     * A string or a list of text blocks; each block stays its own text part. An empty prompt adds no message,
     * because several upstreams reject an empty system message and it says nothing.
     */
    private static List<ContentPart> system(ObjectFields f) {
        JsonNode system = f.get("system");
        if (system == null) {
            return List.of();
        }
        if (system.isTextual()) {
            return system.textValue().isEmpty() ? List.of() : List.of(new ContentPart.Text(system.textValue()));
        }
        ArrayNode blocks = BlockDecoder.blocks(system, "system");
        var parts = new ArrayList<ContentPart>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            ObjectFields block = ObjectFields.of(RequestErrors.WORDING, blocks.get(i), "system." + i);
            String type = BlockDecoder.type(block);
            if (!type.equals("text")) {
                throw RequestErrors.badTag(block.path(), type, "'text'");
            }
            block.rejectUnknown(SYSTEM_BLOCK);
            parts.add(BlockDecoder.text(block));
        }
        return parts;
    }

    private static List<String> stopSequences(ObjectFields f) {
        ArrayNode array = f.array("stop_sequences");
        if (array == null) {
            return List.of();
        }
        var stops = new ArrayList<String>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            if (!item.isTextual()) {
                throw RequestErrors.wrongType("stop_sequences." + i, "a valid string");
            }
            stops.add(item.textValue());
        }
        return stops;
    }

    private static @Nullable String user(ObjectFields f) {
        ObjectFields metadata = f.object("metadata");
        if (metadata == null) {
            return null;
        }
        metadata.rejectUnknown(Set.of("user_id"));
        return metadata.string("user_id");
    }
}
