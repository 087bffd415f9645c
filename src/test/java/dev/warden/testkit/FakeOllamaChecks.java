package dev.warden.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.Set;

/**
 * The checks Ollama makes (mostly by decoding the body into its Go structs) that translator bugs would trip, with the
 * messages Ollama answers: Go's JSON decoding errors for a wrong type (content not a string, tool-call arguments as a
 * string instead of an object, images that are not bare base64), and the handlers' own checks.
 */
final class FakeOllamaChecks {
    private static final Set<String> ROLES = Set.of("system", "user", "assistant", "tool");

    private FakeOllamaChecks() {}

    /** Null when the body passes; else Ollama's 400 message. */
    static String chat(JsonNode root) {
        var common = common(root, "ChatRequest");
        if (common != null) {
            return common;
        }
        var messages = root.get("messages");
        if (messages != null && !messages.isArray()) {
            return unmarshal(messages, "ChatRequest.messages", "[]api.Message");
        }
        for (var message : messages == null ? FakeOllamaAnswers.JSON.createArrayNode() : messages) {
            var role = message.path("role");
            if (!role.isTextual() || !ROLES.contains(role.asText())) {
                return "invalid role: " + role.asText("") + " (expected one of system, user, assistant, tool)";
            }
            var content = message.get("content");
            if (content != null && !content.isTextual() && !content.isNull()) {
                return unmarshal(content, "Message.messages.content", "string");
            }
            for (var image : message.path("images")) {
                if (!image.isTextual()) {
                    return unmarshal(image, "Message.messages.images", "api.ImageData");
                }
                try {
                    Base64.getDecoder().decode(image.asText());
                } catch (IllegalArgumentException e) {
                    return "illegal base64 data at input byte " + firstBadByte(image.asText());
                }
            }
            for (var call : message.path("tool_calls")) {
                var arguments = call.path("function").get("arguments");
                if (arguments != null && !arguments.isObject() && !arguments.isNull()) {
                    return unmarshal(arguments, "ToolCallFunction.messages.tool_calls.function.arguments",
                            "api.ToolCallFunctionArguments");
                }
            }
        }
        var tools = root.get("tools");
        if (tools != null && !tools.isArray()) {
            return unmarshal(tools, "ChatRequest.tools", "api.Tools");
        }
        var think = root.get("think");
        if (think != null && !think.isBoolean() && !think.isTextual() && !think.isNull()) {
            return "think must be a boolean or string";
        }
        return null;
    }

    static String generate(JsonNode root) {
        var common = common(root, "GenerateRequest");
        if (common != null) {
            return common;
        }
        var prompt = root.get("prompt");
        if (prompt != null && !prompt.isTextual()) {
            return unmarshal(prompt, "GenerateRequest.prompt", "string");
        }
        return null;
    }

    static String embed(JsonNode root) {
        var common = common(root, "EmbedRequest");
        if (common != null) {
            return common;
        }
        var input = root.get("input");
        if (input != null && !input.isTextual()) {
            if (!input.isArray()) {
                return "invalid input type";
            }
            for (var item : input) {
                if (!item.isTextual()) {
                    return "invalid input type";
                }
            }
        }
        return null;
    }

    private static String common(JsonNode root, String struct) {
        var model = root.get("model");
        if (model != null && !model.isTextual()) {
            return unmarshal(model, struct + ".model", "string");
        }
        var stream = root.get("stream");
        if (stream != null && !stream.isBoolean() && !stream.isNull()) {
            return unmarshal(stream, struct + ".stream", "bool");
        }
        var format = root.get("format");
        if (format != null && !format.isNull() && !format.isObject()
                && !(format.isTextual() && (format.asText().equals("json") || format.asText().isEmpty()))) {
            return "invalid format: expected \"json\" or a valid JSON schema";
        }
        var options = root.get("options");
        if (options != null && !options.isNull()) {
            if (!options.isObject()) {
                return unmarshal(options, struct + ".options", "map[string]interface {}");
            }
            var stop = options.get("stop");
            if (stop != null && !stop.isArray()) {
                return "option \"stop\" must be of type array";
            }
            for (var name : new String[] {"temperature", "top_p", "presence_penalty", "frequency_penalty"}) {
                var value = options.get(name);
                if (value != null && !value.isNumber()) {
                    return "option \"" + name + "\" must be of type float32";
                }
            }
            for (var name : new String[] {"num_predict", "top_k", "seed", "num_ctx"}) {
                var value = options.get(name);
                if (value != null && !value.isNumber()) {
                    return "option \"" + name + "\" must be of type integer";
                }
            }
        }
        return null;
    }

    private static String unmarshal(JsonNode value, String field, String goType) {
        return "json: cannot unmarshal " + jsonType(value) + " into Go struct field " + field + " of type " + goType;
    }

    private static String jsonType(JsonNode value) {
        if (value.isTextual()) {
            return "string";
        }
        if (value.isNumber()) {
            return "number";
        }
        if (value.isBoolean()) {
            return "bool";
        }
        return value.isArray() ? "array" : "object";
    }

    private static int firstBadByte(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && c != '+' && c != '/' && c != '=') {
                return i;
            }
        }
        return text.length();
    }
}
