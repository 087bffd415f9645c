package dev.warden.provider.ollama;

import dev.warden.provider.UnsupportedParams;
import dev.warden.llm.ApiException;
import dev.warden.llm.CompletionRequest;
import dev.warden.llm.CompletionResponse;
import dev.warden.llm.RawJson;
import dev.warden.provider.ProviderJson;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Legacy completions through {@code /api/generate}: one prompt in, {@code response} out. Ollama's own
 * {@code raw}, {@code suffix}, {@code system}, {@code format} and {@code think} pass through when the client sends
 * them. Pure.
 */
final class GenerateWire {
    /** Top-level pass-through fields, in the order they are written; {@code options} is merged separately. */
    private static final List<String> TOP_LEVEL = List.of("suffix", "system", "format", "raw", "think");

    private GenerateWire() {}

    /** @throws ApiException 400 for several prompts, {@code n > 1} or a field Ollama does not know */
    static byte[] toWire(CompletionRequest request, boolean stream, OllamaSettings settings, UnsupportedParams unsupported) {
        Extras.check(request.extra(), Extras.GENERATE, unsupported);
        if (request.prompts().size() != 1) {
            throw OptionsWire.invalid("Ollama completes exactly one prompt per request.", "prompt");
        }
        var options = OptionsWire.merge(request.sampling(), settings.defaultOptions(), request.extra().get("options"));
        if (request.user() != null) {
            unsupported.notes().droppedParam("user");
        }
        var keepAlive = Extras.keepAlive(request.extra(), settings);
        Map<String, RawJson> extra = request.extra();
        return ProviderJson.write(gen -> {
            gen.writeStartObject();
            gen.writeStringField("model", request.model());
            gen.writeStringField("prompt", request.prompts().getFirst());
            for (var name : TOP_LEVEL) {
                var value = extra.get(name);
                if (value != null) {
                    gen.writeFieldName(name);
                    gen.writeRawValue(value.json());
                }
            }
            OptionsWire.write(gen, options);
            if (keepAlive != null) {
                gen.writeFieldName("keep_alive");
                gen.writeRawValue(keepAlive.json());
            }
            gen.writeBooleanField("stream", stream);
            gen.writeEndObject();
        });
    }

    /** {@code {model, created_at, response, done_reason, prompt_eval_count, eval_count}} → canonical answer. */
    static CompletionResponse fromWire(byte[] body, Supplier<String> ids, long now) throws IOException {
        var root = ProviderJson.read(body);
        if (root == null || !root.isObject() || !root.has("response")) {
            throw new IOException("generate answer without a response");
        }
        var choice = new CompletionResponse.TextChoice(0, ProviderJson.text(root, "response", ""),
                DoneWire.finishReason(root.get("done_reason"), false));
        return new CompletionResponse(ids.get(), ProviderJson.text(root, "model", ""),
                Timestamps.epochSeconds(root, "created_at", now), List.of(choice), DoneWire.usage(root));
    }
}
