package dev.warden.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** {@link FakeOllamaUpstream}'s deterministic answers, in the shapes of Ollama's API reference. */
final class FakeOllamaAnswers {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CREATED_AT = "2024-07-22T20:33:28.123648Z";
    static final long CREATED = 1_721_680_408L;

    private FakeOllamaAnswers() {}

    static String error(String message) {
        return JSON.createObjectNode().put("error", message).toString();
    }

    /** The echo: "Echo: " and the last user message's content. */
    static String echoText(JsonNode messages) {
        String last = "";
        for (var message : messages) {
            if ("user".equals(message.path("role").asText())) {
                last = message.path("content").asText("");
            }
        }
        return "Echo: " + last;
    }

    static int promptWords(JsonNode messages) {
        int count = 0;
        for (var message : messages) {
            count += FakeAnswers.words(message.path("content").asText(""));
        }
        return count;
    }

    private static ObjectNode base(String model) {
        var root = JSON.createObjectNode();
        root.put("model", model);
        root.put("created_at", CREATED_AT);
        return root;
    }

    private static ObjectNode done(ObjectNode root, int prompt, int completion) {
        root.put("done_reason", "stop");
        root.put("done", true);
        root.put("total_duration", 885_095_291L);
        root.put("load_duration", 3_753_500L);
        root.put("prompt_eval_count", prompt);
        root.put("prompt_eval_duration", 328_493_000L);
        root.put("eval_count", completion);
        root.put("eval_duration", 552_222_000L);
        return root;
    }

    static String chat(String model, JsonNode messages) {
        var text = echoText(messages);
        var root = base(model);
        root.putObject("message").put("role", "assistant").put("content", text);
        return done(root, promptWords(messages), FakeAnswers.words(text)).toString();
    }

    /** One object per word, then the final {@code done: true} object with an empty message. */
    static List<String> chatLines(String model, JsonNode messages) {
        var text = echoText(messages);
        var lines = new ArrayList<String>();
        var words = text.split(" ");
        for (int i = 0; i < words.length; i++) {
            var root = base(model);
            root.putObject("message").put("role", "assistant").put("content", i == 0 ? words[i] : " " + words[i]);
            root.put("done", false);
            lines.add(root.toString());
        }
        var last = base(model);
        last.putObject("message").put("role", "assistant").put("content", "");
        lines.add(done(last, promptWords(messages), FakeAnswers.words(text)).toString());
        return lines;
    }

    static String generate(String model, String prompt) {
        var text = "Echo: " + prompt;
        var root = base(model);
        root.put("response", text);
        return done(root, FakeAnswers.words(prompt), FakeAnswers.words(text)).toString();
    }

    static List<String> generateLines(String model, String prompt) {
        var text = "Echo: " + prompt;
        var lines = new ArrayList<String>();
        var words = text.split(" ");
        for (int i = 0; i < words.length; i++) {
            var root = base(model);
            root.put("response", i == 0 ? words[i] : " " + words[i]);
            root.put("done", false);
            lines.add(root.toString());
        }
        var last = base(model);
        last.put("response", "");
        lines.add(done(last, FakeAnswers.words(prompt), FakeAnswers.words(text)).toString());
        return lines;
    }

    static String embed(String model, List<String> inputs, int dimensions) {
        var root = JSON.createObjectNode();
        root.put("model", model);
        var embeddings = root.putArray("embeddings");
        int tokens = 0;
        for (var input : inputs) {
            var array = embeddings.addArray();
            var vector = FakeAnswers.embeddingFor(input);
            int size = dimensions > 0 ? Math.min(dimensions, vector.length) : vector.length;
            for (int i = 0; i < size; i++) {
                array.add(vector[i]);
            }
            tokens += FakeAnswers.words(input);
        }
        root.put("total_duration", 14_143_917L);
        root.put("load_duration", 1_019_500L);
        root.put("prompt_eval_count", tokens);
        return root.toString();
    }

    static String tags(Iterable<String> models) {
        var root = JSON.createObjectNode();
        var array = root.putArray("models");
        for (var name : models) {
            var model = array.addObject();
            model.put("name", name);
            model.put("model", name);
            model.put("modified_at", "2024-06-04T14:38:31.83753-07:00");
            model.put("size", 4_661_224_676L);
            model.put("digest", "365c0bd3c000a25d28ddbf732fe1c6add414de7275464c4e4d1c3b5fcb5d8ad1");
            var details = model.putObject("details");
            details.put("format", "gguf");
            details.put("family", "llama");
        }
        return root.toString();
    }
}
