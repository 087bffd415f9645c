package dev.warden.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** {@link FakeGeminiUpstream}'s deterministic answers and Google's error bodies. */
final class GeminiAnswers {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String RESPONSE_ID = "resp-fake-1";

    private GeminiAnswers() {}

    /** {@code {"error": {"code", "message", "status", "details"?}}}; {@code details} is raw JSON or null. */
    static String error(int code, String message, String status, String details) {
        var root = JSON.createObjectNode();
        var error = root.putObject("error");
        error.put("code", code);
        error.put("message", message);
        error.put("status", status);
        if (details != null) {
            try {
                error.set("details", JSON.readTree(details));
            } catch (Exception e) {
                throw new IllegalArgumentException(e);
            }
        }
        return root.toString();
    }

    static String invalid(String message) {
        return error(400, message, "INVALID_ARGUMENT", null);
    }

    /** Google's answer to an unknown JSON field, with its BadRequest field violation. */
    static String unknownField(String name, String at) {
        var where = at.isEmpty() ? "" : " at '" + at + "'";
        var message = "Invalid JSON payload received. Unknown name \"" + name + "\"" + where + ": Cannot find field.";
        var violation = JSON.createObjectNode();
        violation.put("@type", "type.googleapis.com/google.rpc.BadRequest");
        var field = violation.putArray("fieldViolations").addObject();
        field.put("field", at);
        field.put("description", message);
        return error(400, message, "INVALID_ARGUMENT", "[" + violation + "]");
    }

    /** All text of one content's parts. */
    static String text(JsonNode content) {
        var out = new StringBuilder();
        for (var part : content.path("parts")) {
            if (part.has("text") && !part.path("thought").asBoolean(false)) {
                out.append(part.get("text").asText());
            } else if (part.has("functionResponse")) {
                out.append(part.get("functionResponse").path("response"));
            }
        }
        return out.toString();
    }

    /** The echo: "Echo: " and the last user content's text; as {"echo": ...} in JSON mode. */
    static String echoText(JsonNode root) {
        String last = "";
        for (var content : root.path("contents")) {
            if (!"model".equals(content.path("role").asText())) {
                last = text(content);
            }
        }
        var echo = "Echo: " + last;
        if ("application/json".equals(root.path("generationConfig").path("responseMimeType").asText())) {
            return JSON.createObjectNode().put("echo", echo).toString();
        }
        return echo;
    }

    static int promptWords(JsonNode root) {
        int count = FakeAnswers.words(text(root.path("systemInstruction")));
        for (var content : root.path("contents")) {
            count += FakeAnswers.words(text(content));
        }
        return count;
    }

    static ObjectNode usage(int prompt, int candidates) {
        var usage = JSON.createObjectNode();
        usage.put("promptTokenCount", prompt);
        usage.put("candidatesTokenCount", candidates);
        usage.put("totalTokenCount", prompt + candidates);
        return usage;
    }

    static ObjectNode candidate(int index, String text, String finishReason) {
        var candidate = JSON.createObjectNode();
        var content = candidate.putObject("content");
        content.putArray("parts").addObject().put("text", text);
        content.put("role", "model");
        if (finishReason != null) {
            candidate.put("finishReason", finishReason);
        }
        candidate.put("index", index);
        return candidate;
    }

    static String generateContent(String model, JsonNode root) {
        var text = echoText(root);
        int count = Math.max(1, root.path("generationConfig").path("candidateCount").asInt(1));
        var answer = JSON.createObjectNode();
        var candidates = answer.putArray("candidates");
        for (int i = 0; i < count; i++) {
            candidates.add(candidate(i, text, "STOP"));
        }
        answer.set("usageMetadata", usage(promptWords(root), FakeAnswers.words(text) * count));
        answer.put("modelVersion", model);
        answer.put("responseId", RESPONSE_ID);
        return answer.toString();
    }

    /** One chunk per word; the last one carries finishReason STOP; every chunk carries the usage so far. */
    static List<String> streamChunks(String model, JsonNode root) {
        var text = echoText(root);
        var words = text.split(" ");
        var chunks = new ArrayList<String>();
        int prompt = promptWords(root);
        for (int i = 0; i < words.length; i++) {
            var chunk = JSON.createObjectNode();
            var piece = i == 0 ? words[i] : " " + words[i];
            chunk.putArray("candidates").add(candidate(0, piece, i == words.length - 1 ? "STOP" : null));
            chunk.set("usageMetadata", usage(prompt, i + 1));
            chunk.put("modelVersion", model);
            chunk.put("responseId", RESPONSE_ID);
            chunks.add(chunk.toString());
        }
        return chunks;
    }

    static ObjectNode embedding(JsonNode request) {
        var text = text(request.path("content"));
        var vector = FakeAnswers.embeddingFor(text);
        int dimensions = request.path("outputDimensionality").asInt(vector.length);
        var node = JSON.createObjectNode();
        var values = node.putArray("values");
        for (int i = 0; i < Math.min(dimensions, vector.length); i++) {
            values.add(vector[i]);
        }
        return node;
    }
}
