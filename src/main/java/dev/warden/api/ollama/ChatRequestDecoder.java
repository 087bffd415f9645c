package dev.warden.api.ollama;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.api.wire.ObjectFields;
import dev.warden.api.wire.RequestBody;
import dev.warden.llm.ChatRequest;
import java.util.Objects;
import java.util.Set;

/**
 * POST /api/chat: wire JSON to {@link ChatRequest}. {@code keep_alive}, {@code think} and any field Warden does not
 * model go to {@code extra} verbatim (an Ollama upstream gets them back); unmodelled options go there under
 * {@code "options"}.
 */
final class ChatRequestDecoder {
    private ChatRequestDecoder() {}

    static final Set<String> KNOWN = Set.of("model", "messages", "tools", "format", "options", "stream");

    static ChatRequest decode(ObjectMapper mapper, byte[] body) {
        RequestBody request = RequestBody.parse(RequestErrors.WORDING, mapper, body, KNOWN);
        ObjectFields f = request.fields();
        String model = model(f);
        OptionsDecoder.Decoded options = OptionsDecoder.decode(f, request.extra());
        return new ChatRequest(
                model,
                MessageDecoder.decode(f),
                options.sampling(),
                ToolDecoder.tools(f),
                null,
                ToolDecoder.format(f),
                null,
                stream(f),
                // Ollama's last stream line always carries the token counts, so usage is always asked for.
                true,
                null,
                options.extra(),
                OllamaCodec.DIALECT);
    }

    /** Shared by every endpoint: the model is a non-empty string. */
    static String model(ObjectFields f) {
        String model = f.string("model");
        if (model == null || model.isBlank()) {
            throw RequestErrors.missing("model");
        }
        return model;
    }

    /** Ollama streams unless told not to: an absent {@code stream} means true. */
    static boolean stream(ObjectFields f) {
        return Objects.requireNonNullElse(f.bool("stream"), true);
    }
}
