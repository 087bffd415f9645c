package dev.warden.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.llm.ChatRequest;
import dev.warden.llm.RawJson;
import dev.warden.llm.ResponseFormat;
import dev.warden.llm.Sampling;
import dev.warden.llm.Tool;
import dev.warden.llm.ToolChoice;
import dev.warden.provider.ProviderJson;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Canonical chat request → {@code GenerateContentRequest} body. Pure. The same body serves generateContent and
 * streamGenerateContent (streaming is chosen by the URL).
 *
 * <p>Schemas: tool parameters go to {@code parametersJsonSchema} and structured output to
 * {@code responseJsonSchema}, the fields that take standard JSON Schema (the older {@code parameters} and
 * {@code responseSchema} take an OpenAPI subset with upper-case type names, and would need a lossy conversion).
 * Tool schemas are forwarded untouched, as for every other upstream; structured-output schemas are checked against
 * the documented keyword subset by {@link SchemaCheck}.
 *
 * <p>Extra fields: only Gemini-native ones are forwarded, verbatim, from an explicit list; any other extra field is
 * an unsupported parameter.
 */
final class ChatRequestWire {
    /** Top-level GenerateContentRequest fields a client may pass through as extras. */
    static final Set<String> TOP_LEVEL_EXTRAS = Set.of("safetySettings", "cachedContent");
    /** Vertex also takes {@code labels} (billing labels); the Generative Language API rejects it. */
    static final Set<String> VERTEX_EXTRAS = Set.of("labels");
    /** GenerationConfig fields a client may pass through as top-level extras. */
    static final Set<String> GENERATION_CONFIG_EXTRAS = Set.of("thinkingConfig", "mediaResolution");

    private ChatRequestWire() {}

    static byte[] toWire(ChatRequest request, GeminiSettings.Flavor flavor, Unsupported unsupported) {
        var root = toTree(request, flavor, unsupported);
        return ProviderJson.write(root);
    }

    static ObjectNode toTree(ChatRequest request, GeminiSettings.Flavor flavor, Unsupported unsupported) {
        var root = ProviderJson.NODES.objectNode();
        var contents = ContentsWire.toWire(request.messages(), flavor, unsupported);
        root.set("contents", contents.contents());
        if (contents.systemInstruction() != null) {
            root.set("systemInstruction", contents.systemInstruction());
        }
        if (!request.tools().isEmpty()) {
            var declarations = root.putArray("tools").addObject().putArray("functionDeclarations");
            for (var tool : request.tools()) {
                declarations.add(declaration(tool, unsupported));
            }
        }
        if (request.toolChoice() != null) {
            var config = root.putObject("toolConfig").putObject("functionCallingConfig");
            switch (request.toolChoice()) {
                case ToolChoice.Auto a -> config.put("mode", "AUTO");
                case ToolChoice.None n -> config.put("mode", "NONE");
                case ToolChoice.Required r -> config.put("mode", "ANY");
                case ToolChoice.Named(var name) -> {
                    config.put("mode", "ANY");
                    config.putArray("allowedFunctionNames").add(name);
                }
            }
        }
        if (Boolean.FALSE.equals(request.parallelToolCalls())) {
            unsupported.param("parallel_tool_calls", "Gemini cannot be told to call one function at a time");
        }
        if (request.user() != null) {
            unsupported.param("user", "Gemini has no end-user identifier");
        }
        var generation = generationConfig(request.sampling(), request.responseFormat());
        var extras = new TreeMap<>(request.extra()); // sorted: the body does not depend on map order
        for (var extra : extras.entrySet()) {
            var name = extra.getKey();
            if (TOP_LEVEL_EXTRAS.contains(name)
                    || (flavor == GeminiSettings.Flavor.VERTEX && VERTEX_EXTRAS.contains(name))) {
                root.set(name, parse(extra.getValue(), name));
            } else if (GENERATION_CONFIG_EXTRAS.contains(name)) {
                generation.set(name, parse(extra.getValue(), name));
            } else {
                unsupported.param(name, "it is not a Gemini request field Warden forwards ("
                        + String.join(", ", allowedExtras(flavor)) + ")");
            }
        }
        if (!generation.isEmpty()) {
            root.set("generationConfig", generation);
        }
        return root;
    }

    private static List<String> allowedExtras(GeminiSettings.Flavor flavor) {
        var names = new TreeMap<String, Boolean>();
        TOP_LEVEL_EXTRAS.forEach(n -> names.put(n, true));
        GENERATION_CONFIG_EXTRAS.forEach(n -> names.put(n, true));
        if (flavor == GeminiSettings.Flavor.VERTEX) {
            VERTEX_EXTRAS.forEach(n -> names.put(n, true));
        }
        return List.copyOf(names.keySet());
    }

    private static ObjectNode declaration(Tool tool, Unsupported unsupported) {
        if (Boolean.TRUE.equals(tool.strict())) {
            unsupported.param("strict", "Gemini function declarations have no strict schema mode");
        }
        var declaration = ProviderJson.NODES.objectNode();
        declaration.put("name", tool.name());
        if (tool.description() != null) {
            declaration.put("description", tool.description());
        }
        declaration.set("parametersJsonSchema", parse(tool.parameters(), "tools"));
        return declaration;
    }

    private static ObjectNode generationConfig(Sampling sampling, @Nullable ResponseFormat format) {
        var config = ProviderJson.NODES.objectNode();
        if (sampling.temperature() != null) {
            config.put("temperature", sampling.temperature());
        }
        if (sampling.topP() != null) {
            config.put("topP", sampling.topP());
        }
        if (sampling.topK() != null) {
            config.put("topK", sampling.topK());
        }
        if (sampling.maxTokens() != null) {
            config.put("maxOutputTokens", sampling.maxTokens());
        }
        if (!sampling.stop().isEmpty()) {
            var stops = config.putArray("stopSequences");
            sampling.stop().forEach(stops::add);
        }
        if (sampling.n() != null) {
            config.put("candidateCount", sampling.n());
        }
        if (sampling.seed() != null) {
            long seed = sampling.seed();
            if (seed < Integer.MIN_VALUE || seed > Integer.MAX_VALUE) {
                throw Unsupported.invalid("Gemini takes a 32-bit seed; " + seed + " is out of range.", "seed");
            }
            config.put("seed", (int) seed);
        }
        if (sampling.presencePenalty() != null) {
            config.put("presencePenalty", sampling.presencePenalty());
        }
        if (sampling.frequencyPenalty() != null) {
            config.put("frequencyPenalty", sampling.frequencyPenalty());
        }
        switch (format) {
            case null -> { }
            case ResponseFormat.Text t -> { } // text/plain is Gemini's default
            case ResponseFormat.JsonObject j -> config.put("responseMimeType", "application/json");
            case ResponseFormat.JsonSchema schema -> {
                var tree = parse(schema.schema(), "response_format");
                SchemaCheck.check(tree, "response_format");
                config.put("responseMimeType", "application/json");
                config.set("responseJsonSchema", tree);
            }
        }
        return config;
    }

    private static JsonNode parse(RawJson json, String param) {
        try {
            var node = ProviderJson.read(json.json());
            if (node == null || node.isMissingNode()) {
                throw Unsupported.invalid("The value of '" + param + "' is empty.", param);
            }
            return node;
        } catch (IOException e) {
            throw Unsupported.invalid("The value of '" + param + "' is not valid JSON.", param);
        }
    }
}
