package dev.warden.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks Google makes on a GenerateContentRequest that translator bugs would trip, answered with Google's own
 * error messages. Returns the error body, or null when the request is valid.
 */
final class GeminiValidator {
    private static final Set<String> TOP_LEVEL = Set.of("contents", "systemInstruction", "tools", "toolConfig",
            "safetySettings", "generationConfig", "cachedContent");
    private static final Set<String> GENERATION_CONFIG = Set.of("stopSequences", "responseMimeType",
            "responseSchema", "responseJsonSchema", "responseModalities", "candidateCount", "maxOutputTokens",
            "temperature", "topP", "topK", "seed", "presencePenalty", "frequencyPenalty", "responseLogprobs",
            "logprobs", "thinkingConfig", "mediaResolution", "speechConfig");
    private static final Set<String> DATA = Set.of("text", "inlineData", "fileData", "functionCall",
            "functionResponse", "executableCode", "codeExecutionResult");
    private static final Set<String> PART_META = Set.of("thought", "thoughtSignature", "videoMetadata");
    private static final Pattern FUNCTION_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.:-]{0,127}");

    private GeminiValidator() {}

    static String generate(JsonNode root, boolean vertex) {
        for (var field : root.properties()) {
            if (!TOP_LEVEL.contains(field.getKey()) && !(vertex && field.getKey().equals("labels"))) {
                return GeminiAnswers.unknownField(field.getKey(), "");
            }
        }
        var contents = root.path("contents");
        if (!contents.isArray() || contents.isEmpty()) {
            return GeminiAnswers.invalid("* GenerateContentRequest.contents: contents is not specified\n");
        }
        int pendingCalls = 0;
        for (int i = 0; i < contents.size(); i++) {
            var content = contents.get(i);
            var role = content.path("role");
            if (!role.isMissingNode() && !role.asText().equals("user") && !role.asText().equals("model")) {
                return GeminiAnswers.invalid("Please use a valid role: user, model.");
            }
            var at = "contents[" + i + "]";
            var problem = parts(content.path("parts"), at);
            if (problem != null) {
                return problem;
            }
            int calls = count(content, "functionCall");
            int responses = count(content, "functionResponse");
            if (responses > 0 && responses != pendingCalls) {
                return GeminiAnswers.invalid(pendingCalls == 0
                        ? "Please ensure that function response turn comes immediately after a function call turn."
                        : "Please ensure that the number of function response parts is equal to the number of "
                                + "function call parts of the function call turn.");
            }
            pendingCalls = calls;
        }
        var system = root.path("systemInstruction");
        if (!system.isMissingNode()) {
            var problem = parts(system.path("parts"), "system_instruction");
            if (problem != null) {
                return problem;
            }
        }
        var generation = root.path("generationConfig");
        for (var field : generation.properties()) {
            if (!GENERATION_CONFIG.contains(field.getKey())) {
                return GeminiAnswers.unknownField(field.getKey(), "generation_config");
            }
        }
        if (generation.has("responseJsonSchema") && generation.has("responseSchema")) {
            return GeminiAnswers.invalid("responseJsonSchema and responseSchema cannot both be set.");
        }
        if (generation.has("responseJsonSchema")
                && !"application/json".equals(generation.path("responseMimeType").asText())) {
            return GeminiAnswers.invalid("responseJsonSchema requires responseMimeType application/json.");
        }
        return tools(root);
    }

    private static String parts(JsonNode parts, String at) {
        if (!parts.isArray() || parts.isEmpty()) {
            return GeminiAnswers.invalid("* GenerateContentRequest." + at + ".parts: contents.parts must not be "
                    + "empty.\n");
        }
        for (int j = 0; j < parts.size(); j++) {
            var part = parts.get(j);
            int data = 0;
            for (var field : part.properties()) {
                if (DATA.contains(field.getKey())) {
                    data++;
                } else if (!PART_META.contains(field.getKey())) {
                    return GeminiAnswers.unknownField(field.getKey(), at + ".parts[" + j + "]");
                }
            }
            if (data != 1) {
                return GeminiAnswers.invalid("* GenerateContentRequest." + at + ".parts[" + j + "].data: "
                        + "required oneof field 'data' must have one initialized field\n");
            }
            var response = part.path("functionResponse");
            if (!response.isMissingNode() && (!response.path("name").isTextual() || !response.path("response")
                    .isObject())) {
                return GeminiAnswers.invalid("* GenerateContentRequest." + at + ".parts[" + j
                        + "].function_response.name: Name cannot be empty.\n");
            }
            var call = part.path("functionCall");
            if (!call.isMissingNode() && (!call.path("name").isTextual()
                    || (call.has("args") && !call.get("args").isObject()))) {
                return GeminiAnswers.invalid("* GenerateContentRequest." + at + ".parts[" + j
                        + "].function_call.name: Name cannot be empty.\n");
            }
            var inline = part.path("inlineData");
            if (!inline.isMissingNode() && (!inline.path("mimeType").isTextual() || !inline.path("data")
                    .isTextual())) {
                return GeminiAnswers.invalid("Unable to process input image. Please retry or report in "
                        + "https://developers.generativeai.google/guide/troubleshooting");
            }
            var file = part.path("fileData");
            if (!file.isMissingNode() && !file.path("fileUri").isTextual()) {
                return GeminiAnswers.invalid("* GenerateContentRequest." + at + ".parts[" + j
                        + "].file_data.file_uri: Invalid uri.\n");
            }
        }
        return null;
    }

    private static String tools(JsonNode root) {
        for (var tool : root.path("tools")) {
            for (var declaration : tool.path("functionDeclarations")) {
                var name = declaration.path("name").asText("");
                if (!FUNCTION_NAME.matcher(name).matches()) {
                    return GeminiAnswers.invalid("* GenerateContentRequest.tools[0].function_declarations[0].name: "
                            + "Invalid function name. Must start with a letter or an underscore. Must be a-z, A-Z, "
                            + "0-9, or contain underscores, dots, colons and dashes, with a maximum length of 128.\n");
                }
                if (declaration.has("parameters") && declaration.has("parametersJsonSchema")) {
                    return GeminiAnswers.invalid("parameters and parametersJsonSchema cannot both be set.");
                }
            }
        }
        var config = root.path("toolConfig").path("functionCallingConfig");
        var mode = config.path("mode").asText("AUTO");
        if (!Set.of("AUTO", "ANY", "NONE", "VALIDATED").contains(mode)) {
            return GeminiAnswers.invalid("Invalid value at 'tool_config.function_calling_config.mode' (type.googleapis"
                    + ".com/google.ai.generativelanguage.v1beta.FunctionCallingConfig.Mode), \"" + mode + "\"");
        }
        if (config.has("allowedFunctionNames") && !mode.equals("ANY")) {
            return GeminiAnswers.invalid("* GenerateContentRequest.tool_config.function_calling_config."
                    + "allowed_function_names: only allowed when mode is ANY.\n");
        }
        return null;
    }

    private static int count(JsonNode content, String kind) {
        int n = 0;
        for (var part : content.path("parts")) {
            if (part.has(kind)) {
                n++;
            }
        }
        return n;
    }

    /** An EmbedContentRequest: content with at least one text part. */
    static String embed(JsonNode request, String at) {
        var parts = request.path("content").path("parts");
        if (!parts.isArray() || parts.isEmpty()) {
            return GeminiAnswers.invalid("* " + at + ".content.parts: contents.parts must not be empty.\n");
        }
        for (var field : request.properties()) {
            if (!Set.of("model", "content", "taskType", "title", "outputDimensionality").contains(field.getKey())) {
                return GeminiAnswers.unknownField(field.getKey(), "");
            }
        }
        return null;
    }
}
