package dev.warden.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** The fake's deterministic answers and OpenAI's error bodies. */
final class FakeAnswers {
    static final ObjectMapper JSON = new ObjectMapper();
    static final long CREATED = 1_700_000_000L;
    static final int EMBEDDING_DIMENSIONS = 8;

    private FakeAnswers() {}

    static String error(String message, String type, String param, String code) {
        var root = JSON.createObjectNode();
        var error = root.putObject("error");
        error.put("message", message);
        error.put("type", type);
        error.put("param", param);
        error.put("code", code);
        return root.toString();
    }

    /** The echo: "Echo: " and the last user text. */
    static String echoText(JsonNode messages) {
        String last = "";
        for (var message : messages) {
            if ("user".equals(message.path("role").asText())) {
                last = text(message.path("content"));
            }
        }
        return "Echo: " + last;
    }

    static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        var out = new StringBuilder();
        for (var part : content) {
            if ("text".equals(part.path("type").asText())) {
                out.append(part.path("text").asText());
            }
        }
        return out.toString();
    }

    /** Tokens are words here, for every fake: deterministic and easy to assert. */
    static int words(String text) {
        var stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }

    static int promptWords(JsonNode messages) {
        int count = 0;
        for (var message : messages) {
            count += words(text(message.path("content")));
        }
        return count;
    }

    static ObjectNode usage(int prompt, int completion) {
        var usage = JSON.createObjectNode();
        usage.put("prompt_tokens", prompt);
        usage.put("completion_tokens", completion);
        usage.put("total_tokens", prompt + completion);
        return usage;
    }

    static String chatCompletion(String model, JsonNode messages) {
        var text = echoText(messages);
        var root = JSON.createObjectNode();
        root.put("id", "chatcmpl-fake-1");
        root.put("object", "chat.completion");
        root.put("created", CREATED);
        root.put("model", model);
        var choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        var message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", text);
        message.putNull("refusal");
        choice.putNull("logprobs");
        choice.put("finish_reason", "stop");
        root.set("usage", usage(promptWords(messages), words(text)));
        root.put("system_fingerprint", "fp_fake");
        return root.toString();
    }

    /** OpenAI's chunk sequence: role, one chunk per word, finish, then usage when asked. */
    static List<String> chatChunks(String model, JsonNode messages, boolean includeUsage) {
        var text = echoText(messages);
        var chunks = new ArrayList<String>();
        chunks.add(chatChunk(model, "{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", null,
                includeUsage));
        var words = text.split(" ");
        for (int i = 0; i < words.length; i++) {
            var piece = i == 0 ? words[i] : " " + words[i];
            chunks.add(chatChunk(model, "{\"content\":" + JSON.valueToTree(piece) + "}", null, includeUsage));
        }
        chunks.add(chatChunk(model, "{}", "stop", includeUsage));
        if (includeUsage) {
            var root = chunkRoot(model, "chat.completion.chunk");
            root.putArray("choices");
            root.set("usage", usage(promptWords(messages), words(text)));
            chunks.add(root.toString());
        }
        return chunks;
    }

    private static String chatChunk(String model, String delta, String finish, boolean includeUsage) {
        var root = chunkRoot(model, "chat.completion.chunk");
        var choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        try {
            choice.set("delta", JSON.readTree(delta));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
        choice.putNull("logprobs");
        choice.put("finish_reason", finish);
        if (includeUsage) {
            root.putNull("usage");
        }
        return root.toString();
    }

    private static ObjectNode chunkRoot(String model, String object) {
        var root = JSON.createObjectNode();
        root.put("id", "chatcmpl-fake-1");
        root.put("object", object);
        root.put("created", CREATED);
        root.put("model", model);
        root.put("system_fingerprint", "fp_fake");
        return root;
    }

    static String textCompletion(String model, String prompt) {
        var text = "Echo: " + prompt;
        var root = JSON.createObjectNode();
        root.put("id", "cmpl-fake-1");
        root.put("object", "text_completion");
        root.put("created", CREATED);
        root.put("model", model);
        var choice = root.putArray("choices").addObject();
        choice.put("text", text);
        choice.put("index", 0);
        choice.putNull("logprobs");
        choice.put("finish_reason", "stop");
        root.set("usage", usage(words(prompt), words(text)));
        return root.toString();
    }

    static List<String> completionChunks(String model, String prompt, boolean includeUsage) {
        var text = "Echo: " + prompt;
        var chunks = new ArrayList<String>();
        var words = text.split(" ");
        for (int i = 0; i < words.length; i++) {
            var root = chunkRoot(model, "text_completion");
            var choice = root.putArray("choices").addObject();
            choice.put("text", i == 0 ? words[i] : " " + words[i]);
            choice.put("index", 0);
            choice.put("finish_reason", i == words.length - 1 ? "stop" : null);
            chunks.add(root.toString());
        }
        if (includeUsage) {
            var root = chunkRoot(model, "text_completion");
            root.putArray("choices");
            root.set("usage", usage(words(prompt), words(text)));
            chunks.add(root.toString());
        }
        return chunks;
    }

    /** A deterministic vector per input, so tests can compute the expected one; every fake's echo uses it. */
    static float[] embeddingFor(String input) {
        var vector = new float[EMBEDDING_DIMENSIONS];
        int hash = input.hashCode();
        for (int i = 0; i < vector.length; i++) {
            vector[i] = ((hash >>> i) & 0xFF) / 256f + i;
        }
        return vector;
    }

    static String embeddings(String model, List<String> inputs, boolean base64) {
        var root = JSON.createObjectNode();
        root.put("object", "list");
        var data = root.putArray("data");
        int tokens = 0;
        for (int i = 0; i < inputs.size(); i++) {
            var item = data.addObject();
            item.put("object", "embedding");
            item.put("index", i);
            var vector = embeddingFor(inputs.get(i));
            if (base64) {
                var buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                for (var v : vector) {
                    buffer.putFloat(v);
                }
                item.put("embedding", Base64.getEncoder().encodeToString(buffer.array()));
            } else {
                var array = item.putArray("embedding");
                for (var v : vector) {
                    array.add(v);
                }
            }
            tokens += words(inputs.get(i));
        }
        root.put("model", model);
        var usage = root.putObject("usage");
        usage.put("prompt_tokens", tokens);
        usage.put("total_tokens", tokens);
        return root.toString();
    }

    static String models(Iterable<String> ids) {
        var root = JSON.createObjectNode();
        root.put("object", "list");
        var data = root.putArray("data");
        for (var id : ids) {
            var model = data.addObject();
            model.put("id", id);
            model.put("object", "model");
            model.put("created", CREATED);
            model.put("owned_by", "system");
        }
        return root.toString();
    }
}
