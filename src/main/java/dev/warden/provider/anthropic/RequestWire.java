package dev.warden.provider.anthropic;

import dev.warden.provider.UnsupportedParams;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import dev.warden.llm.ChatRequest;
import dev.warden.llm.RawJson;
import dev.warden.llm.Sampling;
import dev.warden.provider.ProviderJson;
import java.io.IOException;
import java.util.Map;
import java.util.TreeSet;

/**
 * Canonical chat request → Anthropic Messages body. Pure. Parameters Anthropic cannot honour are refused with a 400
 * naming them, before anything is sent: {@code seed}, {@code n} above 1, presence and frequency penalties, and extra
 * fields that are not Anthropic's (see {@link NativeFields}).
 *
 * <p>Under {@code drop_unsupported_params} ({@link UnsupportedParams}) {@code seed}, the penalties, foreign extra fields,
 * participant {@code name}s and an image {@code detail} are dropped and reported instead: without them the request
 * still asks for the same answer, only less finely tuned. {@code n} above 1 stays a 400 (dropping it would return
 * fewer choices than asked), as do content Anthropic cannot place and contradictions in the request.
 */
final class RequestWire {
    private RequestWire() {}

    /**
     * The body and how to read the answer back.
     *
     * @param jsonMode true when JSON output is emulated with the forced {@link ToolsWire#JSON_TOOL} tool, so the
     *                 response translators turn that tool's input back into text
     */
    record Body(byte[] bytes, boolean jsonMode) {}

    /**
     * @param stream whether to ask for a stream (the provider method decides, not the request's flag)
     * @param defaultMaxTokens sent when the request has no max tokens, because Anthropic requires the field
     */
    static Body toWire(ChatRequest request, boolean stream, int defaultMaxTokens, UnsupportedParams unsupported) {
        rejectUnsupported(request.sampling(), unsupported);
        var root = ProviderJson.NODES.objectNode();
        root.put("model", request.model());
        var translated = MessagesWire.toWire(request.messages(), unsupported);
        if (translated.system() != null) {
            root.set("system", translated.system());
        }
        root.set("messages", translated.messages());
        var sampling = request.sampling();
        root.put("max_tokens", sampling.maxTokens() != null ? sampling.maxTokens() : defaultMaxTokens);
        if (!sampling.stop().isEmpty()) {
            var stops = root.putArray("stop_sequences");
            sampling.stop().forEach(stops::add);
        }
        if (sampling.temperature() != null) {
            root.put("temperature", sampling.temperature());
        }
        if (sampling.topP() != null) {
            root.put("top_p", sampling.topP());
        }
        if (sampling.topK() != null) {
            root.put("top_k", sampling.topK());
        }
        boolean jsonMode = ToolsWire.write(root, request);
        if (stream) {
            root.put("stream", true);
        }
        extras(root, request.extra(), unsupported);
        if (request.user() != null) {
            metadataUser(root, request.user());
        }
        return new Body(ProviderJson.write(root), jsonMode);
    }

    private static void rejectUnsupported(Sampling sampling, UnsupportedParams unsupported) {
        if (sampling.seed() != null) {
            unsupported.param("seed", () -> invalid("Anthropic does not support 'seed'.", "seed"));
        }
        if (sampling.n() != null && sampling.n() != 1) {
            throw invalid("Anthropic returns one choice per request; 'n' must be 1.", "n");
        }
        if (sampling.presencePenalty() != null) {
            unsupported.param("presence_penalty",
                    () -> invalid("Anthropic does not support 'presence_penalty'.", "presence_penalty"));
        }
        if (sampling.frequencyPenalty() != null) {
            unsupported.param("frequency_penalty",
                    () -> invalid("Anthropic does not support 'frequency_penalty'.", "frequency_penalty"));
        }
    }

    /**
     * Anthropic-native extras go through verbatim; a modeled field already written wins over its extra twin. Others
     * are refused together, or each dropped and reported.
     */
    private static void extras(ObjectNode root, Map<String, RawJson> extra, UnsupportedParams unsupported) {
        var unknown = new TreeSet<String>();
        for (var name : extra.keySet()) {
            if (!NativeFields.PASS_THROUGH.contains(name)) {
                unknown.add(name);
            }
        }
        for (var name : unknown) {
            unsupported.param(name, () -> invalid("UnsupportedParams parameter" + (unknown.size() > 1 ? "s" : "")
                    + " for Anthropic: " + String.join(", ", unknown) + ".", unknown.first()));
        }
        for (var entry : new TreeSet<>(extra.keySet())) {
            if (root.has(entry) || unknown.contains(entry)) {
                continue;
            }
            try {
                root.set(entry, ProviderJson.read(extra.get(entry).json()));
            } catch (IOException e) {
                throw invalid("The value of '" + entry + "' is not valid JSON.", entry);
            }
        }
    }

    /** The canonical end-user id is Anthropic's {@code metadata.user_id}; a conflicting pair is refused. */
    private static void metadataUser(ObjectNode root, String user) {
        var metadata = root.get("metadata");
        if (metadata == null || metadata.isNull()) {
            root.putObject("metadata").put("user_id", user);
            return;
        }
        if (!metadata.isObject()) {
            throw invalid("'metadata' must be an object.", "metadata");
        }
        var existing = metadata.get("user_id");
        if (existing != null && !existing.isNull() && !existing.asText().equals(user)) {
            throw invalid("'user' and 'metadata.user_id' disagree; send only one.", "user");
        }
        ((ObjectNode) metadata).put("user_id", user);
    }

    static ApiException invalid(String message, String param) {
        return new ApiException(ApiError.InvalidRequest.of(message, param));
    }
}
