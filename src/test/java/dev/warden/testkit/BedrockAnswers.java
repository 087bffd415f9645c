package dev.warden.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@link FakeBedrockUpstream}'s deterministic answers and the Converse checks Bedrock makes. */
final class BedrockAnswers {
    static final Set<String> TOP_LEVEL = Set.of("messages", "system", "inferenceConfig", "toolConfig",
            "guardrailConfig", "additionalModelRequestFields", "promptVariables",
            "additionalModelResponseFieldPaths", "requestMetadata", "performanceConfig");
    private static final Set<String> BLOCKS = Set.of("text", "image", "document", "video", "toolUse", "toolResult",
            "guardContent", "cachePoint", "reasoningContent", "citationsContent");
    private static final Set<String> FORMATS = Set.of("png", "jpeg", "gif", "webp");

    private BedrockAnswers() {}

    /** The ValidationException message for a Converse body Bedrock would reject, or null when it is valid. */
    static String converseProblem(JsonNode root) {
        for (var names = root.fieldNames(); names.hasNext();) {
            var name = names.next();
            if (!TOP_LEVEL.contains(name)) {
                return "Malformed input request: extraneous key [" + name + "] is not permitted, please reformat "
                        + "your input and try again.";
            }
        }
        var messages = root.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            return "A conversation must start with a user message. Try again with a conversation that starts with "
                    + "a user message.";
        }
        if (!"user".equals(messages.get(0).path("role").asText())) {
            return "A conversation must start with a user message. Try again with a conversation that starts with "
                    + "a user message.";
        }
        boolean toolBlocks = false;
        for (int i = 0; i < messages.size(); i++) {
            var message = messages.get(i);
            var role = message.path("role").asText();
            if (!role.equals("user") && !role.equals("assistant")) {
                return "1 validation error detected: Value '" + role + "' at 'messages." + (i + 1) + ".member.role' "
                        + "failed to satisfy constraint: Member must satisfy enum value set: [user, assistant]";
            }
            if (i > 0 && role.equals(messages.get(i - 1).path("role").asText())) {
                return "A conversation must alternate between user and assistant roles. Make sure the conversation "
                        + "alternates between user and assistant roles and try again.";
            }
            var content = message.path("content");
            if (!content.isArray() || content.isEmpty()) {
                return "The content field in the Message object at messages." + i + " is empty. Add a ContentBlock "
                        + "object to the content field and try again.";
            }
            for (int j = 0; j < content.size(); j++) {
                var block = content.get(j);
                if (block.size() != 1 || !BLOCKS.contains(block.fieldNames().next())) {
                    return "Malformed input request: the ContentBlock at messages." + i + ".content." + j
                            + " must set exactly one member.";
                }
                if (block.has("text") && block.get("text").asText().isBlank()) {
                    return "The text field in the ContentBlock object at messages." + i + ".content." + j
                            + " is blank. Add text to the text field, and try again.";
                }
                if (block.has("image") && (!FORMATS.contains(block.path("image").path("format").asText())
                        || !block.path("image").path("source").path("bytes").isTextual())) {
                    return "The format or source of the image at messages." + i + ".content." + j
                            + " is invalid.";
                }
                if (block.has("toolUse") && !block.path("toolUse").path("input").isObject()) {
                    return "The toolUse input at messages." + i + ".content." + j + " must be a JSON object.";
                }
                if ((block.has("toolUse") || block.has("toolResult")) && role.equals(block.has("toolUse")
                        ? "user" : "assistant")) {
                    return "The " + block.fieldNames().next() + " block at messages." + i + ".content." + j
                            + " is not allowed in a " + role + " message.";
                }
                toolBlocks |= block.has("toolUse") || block.has("toolResult");
            }
        }
        if (toolBlocks && !root.has("toolConfig")) {
            return "The toolConfig field must be defined when using toolUse and toolResult content blocks.";
        }
        var maxTokens = root.path("inferenceConfig").path("maxTokens");
        if (!maxTokens.isMissingNode() && (!maxTokens.isInt() || maxTokens.asInt() < 1)) {
            return "1 validation error detected: Value at 'inferenceConfig.maxTokens' failed to satisfy constraint: "
                    + "Member must have value greater than or equal to 1";
        }
        for (var tool : root.path("toolConfig").path("tools")) {
            if (!tool.path("toolSpec").path("name").isTextual() || !tool.path("toolSpec").path("inputSchema")
                    .path("json").isObject()) {
                return "The toolConfig tools must each have a toolSpec with a name and an inputSchema.json object.";
            }
        }
        return null;
    }

    /** "Echo: " and the text of the last user turn. */
    static String echoText(JsonNode messages) {
        String last = "";
        for (var message : messages) {
            if ("user".equals(message.path("role").asText())) {
                var text = new StringBuilder();
                for (var block : message.path("content")) {
                    if (block.has("text")) {
                        text.append(block.get("text").asText());
                    }
                }
                last = text.toString();
            }
        }
        return "Echo: " + last;
    }

    static int promptWords(JsonNode root) {
        int count = 0;
        for (var block : root.path("system")) {
            count += FakeAnswers.words(block.path("text").asText());
        }
        for (var message : root.path("messages")) {
            for (var block : message.path("content")) {
                count += FakeAnswers.words(block.path("text").asText());
            }
        }
        return count;
    }

    static ObjectNode usage(int input, int output) {
        var usage = FakeAnswers.JSON.createObjectNode();
        usage.put("inputTokens", input);
        usage.put("outputTokens", output);
        usage.put("totalTokens", input + output);
        return usage;
    }

    static String converse(JsonNode root) {
        var text = echoText(root.path("messages"));
        var answer = FakeAnswers.JSON.createObjectNode();
        var message = answer.putObject("output").putObject("message");
        message.put("role", "assistant");
        message.putArray("content").addObject().put("text", text);
        answer.put("stopReason", "end_turn");
        answer.set("usage", usage(promptWords(root), FakeAnswers.words(text)));
        answer.putObject("metrics").put("latencyMs", 42);
        return answer.toString();
    }

    /** ConverseStream's frames for the echo: one text delta per word. */
    static List<byte[]> converseStream(JsonNode root) {
        var text = echoText(root.path("messages"));
        var frames = new ArrayList<byte[]>();
        frames.add(BedrockEventStreamEncoder.event("messageStart", "{\"role\":\"assistant\"}"));
        var words = text.split(" ");
        for (int i = 0; i < words.length; i++) {
            var piece = i == 0 ? words[i] : " " + words[i];
            frames.add(BedrockEventStreamEncoder.event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":"
                    + "{\"text\":" + FakeAnswers.JSON.valueToTree(piece) + "}}"));
        }
        frames.add(BedrockEventStreamEncoder.event("contentBlockStop", "{\"contentBlockIndex\":0}"));
        frames.add(BedrockEventStreamEncoder.event("messageStop", "{\"stopReason\":\"end_turn\"}"));
        var metadata = FakeAnswers.JSON.createObjectNode();
        metadata.set("usage", usage(promptWords(root), FakeAnswers.words(text)));
        metadata.putObject("metrics").put("latencyMs", 42);
        frames.add(BedrockEventStreamEncoder.event("metadata", metadata.toString()));
        return frames;
    }

    /** A deterministic vector per text, so tests can assert on it. */
    static float[] vector(String text) {
        return FakeAnswers.embeddingFor(text);
    }

    static ObjectNode vectorNode(ObjectNode parent, String field, String text) {
        var array = parent.putArray(field);
        for (float f : vector(text)) {
            array.add(f);
        }
        return parent;
    }
}
