package dev.warden.api.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.api.wire.ObjectFields;
import dev.warden.llm.ContentPart;
import dev.warden.llm.ImageSource;
import java.util.ArrayList;
import java.util.List;

/** Message content: a string, or an array of typed parts whose allowed types depend on the role. */
final class ContentDecoder {
    private ContentDecoder() {}

    /** Which part types a role may send (OpenAI allows images only from users, refusals only from assistants). */
    enum Allowed { TEXT, USER, ASSISTANT }

    static List<ContentPart> decode(JsonNode content, String path, Allowed allowed) {
        if (content.isTextual()) {
            return List.of(new ContentPart.Text(content.textValue()));
        }
        if (!content.isArray()) {
            throw RequestErrors.wrongType(path, "a string or an array of content parts", content);
        }
        var parts = new ArrayList<ContentPart>(content.size());
        for (int i = 0; i < content.size(); i++) {
            parts.add(part(ObjectFields.of(RequestErrors.WORDING, content.get(i), path + "[" + i + "]"), allowed));
        }
        return parts;
    }

    private static ContentPart part(ObjectFields f, Allowed allowed) {
        String type = f.requiredString("type");
        return switch (type) {
            case "text" -> new ContentPart.Text(f.requiredString("text"));
            case "image_url" -> {
                requireRole(f, type, allowed == Allowed.USER, "user");
                yield image(f);
            }
            case "refusal" -> {
                requireRole(f, type, allowed == Allowed.ASSISTANT, "assistant");
                yield new ContentPart.Text(f.requiredString("refusal"));
            }
            case "input_audio", "file" -> throw RequestErrors.unsupported(f.at("type"),
                    "Content part type '" + type + "'");
            default -> throw RequestErrors.invalid(f.at("type"), "Invalid value for '" + f.at("type") + "': '"
                    + type + "'. Supported values are: 'text', 'image_url' and 'refusal'.");
        };
    }

    private static void requireRole(ObjectFields f, String type, boolean allowed, String role) {
        if (!allowed) {
            throw RequestErrors.invalid(f.at("type"), "Content part type '" + type
                    + "' is only allowed in messages with role '" + role + "' ('" + f.at("type") + "').");
        }
    }

    /** {@code image_url} is an object {url, detail}; a bare string is accepted too, as vLLM and others do. */
    private static ContentPart.Image image(ObjectFields f) {
        JsonNode value = f.required("image_url");
        if (value.isTextual()) {
            return new ContentPart.Image(source(value.textValue()), null);
        }
        ObjectFields image = ObjectFields.of(RequestErrors.WORDING, value, f.at("image_url"));
        return new ContentPart.Image(source(image.requiredString("url")), image.string("detail"));
    }

    /**
     * A base64 data URL becomes inline bytes so that providers which take only inline images (Anthropic,
     * Bedrock, Ollama) need no parsing of their own; any other URL is passed on as is.
     */
    static ImageSource source(String url) {
        if (url.regionMatches(true, 0, "data:", 0, 5)) {
            int comma = url.indexOf(',');
            if (comma > 0) {
                String header = url.substring(5, comma);
                if (header.regionMatches(true, header.length() - 7, ";base64", 0, 7)) {
                    int semicolon = header.indexOf(';');
                    String mediaType = header.substring(0, semicolon);
                    if (!mediaType.isEmpty()) {
                        return new ImageSource.Base64(mediaType, url.substring(comma + 1));
                    }
                }
            }
        }
        return new ImageSource.Url(url);
    }
}
