package dev.warden.api.ollama;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.warden.api.wire.ObjectFields;
import dev.warden.api.wire.RequestBody;
import dev.warden.llm.ChatRequest;
import dev.warden.llm.ContentPart;
import dev.warden.llm.Message;
import dev.warden.llm.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * POST /api/generate, decoded as a chat: an optional system message ({@code system}) and one user message
 * ({@code prompt} and {@code images}). Ollama itself runs a generate request through the model's chat template in
 * exactly this shape, and a chat is what every upstream can serve (only some have a text-completion endpoint), so
 * one path serves all; the answer is encoded back in {@code /api/generate}'s shape.
 *
 * <p>What a chat cannot express is refused with a 400 rather than approximated: {@code suffix} (fill-in-the-middle),
 * {@code template} (a prompt template override), {@code raw: true} (a prompt that is already templated) and a
 * non-empty {@code context} (token ids of an earlier answer, meaningful only to the Ollama instance that made them).
 */
final class GenerateRequestDecoder {
    private GenerateRequestDecoder() {}

    static final Set<String> KNOWN = Set.of("model", "prompt", "system", "suffix", "images", "format", "options",
            "stream", "raw", "template", "context");

    static ChatRequest decode(ObjectMapper mapper, byte[] body) {
        RequestBody request = RequestBody.parse(RequestErrors.WORDING, mapper, body, KNOWN);
        ObjectFields f = request.fields();
        String model = ChatRequestDecoder.model(f);
        if (f.nonEmptyString("suffix") != null) {
            throw RequestErrors.unsupported("suffix", "fill-in-the-middle cannot be sent to every upstream;"
                    + " put the text in the prompt");
        }
        if (f.nonEmptyString("template") != null) {
            throw RequestErrors.unsupported("template", "the model's own prompt template is always used");
        }
        if (Boolean.TRUE.equals(f.bool("raw"))) {
            throw RequestErrors.unsupported("raw", "prompts are sent as a chat message, which the model's template"
                    + " formats; send the prompt without template markup");
        }
        ArrayNode context = f.array("context");
        if (context != null && !context.isEmpty()) {
            throw RequestErrors.unsupported("context", "token context from an earlier answer cannot be resumed;"
                    + " use /api/chat with the conversation's messages");
        }
        OptionsDecoder.Decoded options = OptionsDecoder.decode(f, request.extra());
        return new ChatRequest(model, messages(f), options.sampling(), List.of(), null, ToolDecoder.format(f), null,
                ChatRequestDecoder.stream(f), true, null, options.extra(), OllamaCodec.DIALECT);
    }

    /** No prompt, no system and no images is Ollama's "load the model" request: it decodes to no messages. */
    private static List<Message> messages(ObjectFields f) {
        String system = f.nonEmptyString("system");
        String prompt = f.string("prompt");
        ArrayNode images = f.array("images");
        boolean hasImages = images != null && !images.isEmpty();
        if (system == null && (prompt == null || prompt.isEmpty()) && !hasImages) {
            return List.of();
        }
        var messages = new ArrayList<Message>(2);
        if (system != null) {
            messages.add(Message.text(Role.SYSTEM, system));
        }
        var parts = new ArrayList<ContentPart>();
        if (prompt != null && !prompt.isEmpty()) {
            parts.add(new ContentPart.Text(prompt));
        }
        if (hasImages) {
            parts.addAll(ImageDecoder.decode(images, "images"));
        }
        if (parts.isEmpty()) {
            parts.add(new ContentPart.Text(""));
        }
        messages.add(new Message(Role.USER, parts, null));
        return messages;
    }
}
