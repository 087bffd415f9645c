package dev.warden.provider.bedrock;

import dev.warden.provider.UnsupportedParams;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.llm.ChatRequest;
import dev.warden.llm.ContentPart;
import dev.warden.llm.RawJson;
import dev.warden.llm.ResponseFormat;
import dev.warden.llm.Sampling;
import dev.warden.llm.ToolChoice;
import dev.warden.provider.ProviderJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Canonical chat request → Converse (and ConverseStream, same body) request. Pure. The model id travels in the
 * path, not the body.
 *
 * <p>Decisions a reader should know:
 * <ul>
 *   <li>{@code top_k} goes to {@code additionalModelRequestFields.top_k}: Converse has no common field for it and
 *       the name is model-specific (Anthropic and Mistral on Bedrock take {@code top_k}; models that do not will
 *       reject it with Bedrock's own 400).</li>
 *   <li>{@code seed}, {@code presence_penalty}, {@code frequency_penalty}, {@code n > 1} and
 *       {@code parallel_tool_calls: false} cannot be honoured by Converse: 400 naming them. Under
 *       {@code drop_unsupported_params} ({@link UnsupportedParams}) all but {@code n} are dropped and reported instead;
 *       {@code n > 1} stays a 400, because dropping it would return fewer choices than asked.</li>
 *   <li>{@code tool_choice: none}: Converse has no "none". Without tool history the tools are left out (the
 *       model cannot call what it was not given); with toolUse/toolResult blocks in the history Converse requires
 *       the tool configuration, so it is a 400 naming {@code tool_choice}.</li>
 *   <li>{@code response_format} json_object/json_schema uses the forced-tool technique: one tool whose input
 *       schema is the wanted schema, and {@code toolChoice} naming it; the answer's tool input is turned back into
 *       text (see {@link ConverseCall#jsonTool()}). Combined with the client's own tools it is a 400.</li>
 *   <li>{@code user} goes to {@code requestMetadata.user}: it is what OpenAI's {@code user} is for (tagging
 *       calls of an end user), in Bedrock's invocation logs.</li>
 *   <li>Extra fields pass through only when Converse-native ({@link #PASS_THROUGH}); others are a 400, or dropped
 *       and reported under {@code drop_unsupported_params}.</li>
 * </ul>
 */
final class ConverseRequestWire {
    /** Converse request fields a client may send verbatim. */
    static final Set<String> PASS_THROUGH = Set.of("additionalModelRequestFields", "guardrailConfig",
            "performanceConfig", "promptVariables", "requestMetadata");
    /** The tool name the forced-tool JSON technique uses when the schema has no name of its own. */
    static final String JSON_TOOL = "json_response";
    /** {@code n > 1}: never dropped, because the client would get fewer choices than it asked for. */
    private static final String MANY_CHOICES = "n";

    private ConverseRequestWire() {}

    /** The body, and the forced tool's name when the answer's tool input must become text. */
    record ConverseCall(byte[] body, @Nullable String jsonTool) {}

    static ConverseCall toWire(ChatRequest request, int defaultMaxTokens, UnsupportedParams unsupported) {
        var extra = rejectUnsupported(request, unsupported);
        var root = ProviderJson.NODES.objectNode();
        var wire = MessagesWire.toWire(request.messages(), unsupported.notes());
        root.set("messages", wire.messages());
        if (!wire.system().isEmpty()) {
            root.set("system", wire.system());
        }
        root.set("inferenceConfig", inferenceConfig(request.sampling(), defaultMaxTokens));
        var jsonTool = toolConfig(root, request, hasToolHistory(request));
        extras(root, request, extra);
        return new ConverseCall(ProviderJson.write(root), jsonTool);
    }

    /**
     * Refuses, in one 400 naming the first, every parameter Converse cannot honour, or drops and reports those that
     * may be dropped; {@code n > 1} is refused either way.
     *
     * @return the extra fields to forward (the Converse-native ones)
     */
    private static Map<String, RawJson> rejectUnsupported(ChatRequest request, UnsupportedParams policy) {
        var s = request.sampling();
        var unsupported = new ArrayList<String>();
        if (s.seed() != null) {
            unsupported.add("seed");
        }
        if (s.presencePenalty() != null) {
            unsupported.add("presence_penalty");
        }
        if (s.frequencyPenalty() != null) {
            unsupported.add("frequency_penalty");
        }
        if (s.n() != null && s.n() != 1) {
            unsupported.add(MANY_CHOICES);
        }
        if (Boolean.FALSE.equals(request.parallelToolCalls())) {
            unsupported.add("parallel_tool_calls");
        }
        var unknown = new TreeSet<>(request.extra().keySet());
        unknown.removeAll(PASS_THROUGH);
        unsupported.addAll(unknown);
        var refused = policy.dropAllowed()
                ? unsupported.stream().filter(MANY_CHOICES::equals).toList()
                : unsupported;
        if (!refused.isEmpty()) {
            throw MessagesWire.invalid("AWS Bedrock (Converse) does not support "
                    + String.join(", ", refused) + ".", refused.getFirst());
        }
        unsupported.forEach(policy.notes()::droppedParam);
        var forwarded = new LinkedHashMap<>(request.extra());
        forwarded.keySet().removeAll(unknown);
        return forwarded;
    }

    private static ObjectNode inferenceConfig(Sampling sampling, int defaultMaxTokens) {
        var config = ProviderJson.NODES.objectNode();
        config.put("maxTokens", sampling.maxTokens() != null ? sampling.maxTokens() : defaultMaxTokens);
        if (sampling.temperature() != null) {
            config.put("temperature", sampling.temperature());
        }
        if (sampling.topP() != null) {
            config.put("topP", sampling.topP());
        }
        if (!sampling.stop().isEmpty()) {
            var stops = config.putArray("stopSequences");
            sampling.stop().forEach(stops::add);
        }
        return config;
    }

    private static @Nullable String toolConfig(ObjectNode root, ChatRequest request, boolean toolHistory) {
        var format = request.responseFormat();
        if (format instanceof ResponseFormat.JsonObject || format instanceof ResponseFormat.JsonSchema) {
            if (!request.tools().isEmpty()) {
                throw MessagesWire.invalid("AWS Bedrock cannot combine response_format with tools: JSON output is "
                        + "produced with a forced tool call.", "response_format");
            }
            var name = format instanceof ResponseFormat.JsonSchema schema ? schema.name() : JSON_TOOL;
            var config = root.putObject("toolConfig");
            var spec = config.putArray("tools").addObject().putObject("toolSpec");
            spec.put("name", name);
            spec.put("description", format instanceof ResponseFormat.JsonSchema schema
                    && schema.description() != null ? schema.description() : "Respond with the answer as JSON.");
            spec.putObject("inputSchema").set("json", format instanceof ResponseFormat.JsonSchema schema
                    ? parse(schema.schema(), "response_format.json_schema.schema")
                    : ProviderJson.NODES.objectNode().put("type", "object"));
            config.putObject("toolChoice").putObject("tool").put("name", name);
            return name;
        }
        if (request.tools().isEmpty()) {
            if (request.toolChoice() != null && !(request.toolChoice() instanceof ToolChoice.None)
                    && !(request.toolChoice() instanceof ToolChoice.Auto)) {
                throw MessagesWire.invalid("tool_choice requires tools.", "tool_choice");
            }
            return null;
        }
        if (request.toolChoice() instanceof ToolChoice.None) {
            if (toolHistory) {
                throw MessagesWire.invalid("AWS Bedrock (Converse) has no tool_choice 'none', and the tools cannot "
                        + "be left out while the conversation contains tool calls.", "tool_choice");
            }
            return null;
        }
        var config = root.putObject("toolConfig");
        var tools = config.putArray("tools");
        for (int i = 0; i < request.tools().size(); i++) {
            var tool = request.tools().get(i);
            var spec = tools.addObject().putObject("toolSpec");
            spec.put("name", tool.name());
            if (tool.description() != null && !tool.description().isEmpty()) {
                spec.put("description", tool.description());
            }
            spec.putObject("inputSchema").set("json", parse(tool.parameters(), "tools[" + i + "].parameters"));
            if (tool.strict() != null) {
                spec.put("strict", tool.strict());
            }
        }
        switch (request.toolChoice()) {
            case null -> { }
            case ToolChoice.Auto a -> config.putObject("toolChoice").putObject("auto");
            case ToolChoice.Required r -> config.putObject("toolChoice").putObject("any");
            case ToolChoice.Named(var name) -> config.putObject("toolChoice").putObject("tool").put("name", name);
            case ToolChoice.None n -> throw new IllegalStateException("handled above");
        }
        return null;
    }

    private static boolean hasToolHistory(ChatRequest request) {
        for (var message : request.messages()) {
            for (var part : message.parts()) {
                if (part instanceof ContentPart.ToolCall || part instanceof ContentPart.ToolResult) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Pass-through fields; {@code user} and {@code top_k} are merged into theirs, never overwriting. */
    private static void extras(ObjectNode root, ChatRequest request, Map<String, RawJson> extra) {
        for (Map.Entry<String, RawJson> entry : extra.entrySet()) {
            root.set(entry.getKey(), parse(entry.getValue(), entry.getKey()));
        }
        if (request.sampling().topK() != null) {
            mergeInto(root, "additionalModelRequestFields", "top_k",
                    ProviderJson.NODES.numberNode(request.sampling().topK()));
        }
        if (request.user() != null) {
            mergeInto(root, "requestMetadata", "user", ProviderJson.NODES.textNode(request.user()));
        }
    }

    private static void mergeInto(ObjectNode root, String field, String key, JsonNode value) {
        var existing = root.get(field);
        if (existing != null && !existing.isObject()) {
            throw MessagesWire.invalid(field + " must be an object.", field);
        }
        var target = existing == null ? root.putObject(field) : (ObjectNode) existing;
        if (target.has(key)) {
            throw MessagesWire.invalid(key + " is given twice: as a parameter and inside " + field + ".",
                    field + "." + key);
        }
        target.set(key, value);
    }

    private static JsonNode parse(RawJson json, String param) {
        try {
            var node = ProviderJson.read(json.json());
            if (node != null) {
                return node;
            }
        } catch (IOException notJson) {
            // answered below
        }
        throw MessagesWire.invalid(param + " is not valid JSON.", param);
    }
}
