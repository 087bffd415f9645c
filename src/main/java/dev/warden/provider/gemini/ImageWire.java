package dev.warden.provider.gemini;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.llm.ContentPart;
import dev.warden.llm.ImageSource;
import dev.warden.provider.ProviderJson;
import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Canonical images → Gemini parts. Inline bytes (and {@code data:} URLs) become {@code inlineData}. A URL becomes
 * {@code fileData}, which needs a MIME type, so it is taken from the file extension of the URL path. Both APIs
 * fetch public or signed {@code https} URLs; {@code gs://} objects are read directly only by Vertex (the
 * Generative Language API needs them registered through its Files API first). Everything else is a 400.
 */
final class ImageWire {
    private ImageWire() {}

    static ObjectNode part(ContentPart.Image image, GeminiSettings.Flavor flavor, Unsupported unsupported,
            String param) {
        if (image.detail() != null && !"auto".equals(image.detail())) {
            unsupported.param("detail", "Gemini has no per-image detail level");
        }
        var part = ProviderJson.NODES.objectNode();
        switch (image.source()) {
            case ImageSource.Base64(var mediaType, var data) -> inline(part, mediaType, data);
            case ImageSource.Url(var url) -> url(part, url, flavor, param);
        }
        return part;
    }

    private static void inline(ObjectNode part, String mediaType, String data) {
        var inline = part.putObject("inlineData");
        inline.put("mimeType", mediaType);
        inline.put("data", data);
    }

    private static void url(ObjectNode part, String url, GeminiSettings.Flavor flavor, String param) {
        var lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("data:")) {
            int comma = url.indexOf(',');
            var header = comma < 0 ? "" : url.substring(5, comma);
            if (comma < 0 || !header.endsWith(";base64") || header.length() == ";base64".length()) {
                throw Unsupported.invalid("An image data: URL must be base64 with a media type "
                        + "(data:image/png;base64,...).", param);
            }
            inline(part, header.substring(0, header.length() - ";base64".length()), url.substring(comma + 1));
            return;
        }
        boolean gcs = lower.startsWith("gs://");
        if (!lower.startsWith("https://") && !gcs) {
            throw Unsupported.invalid("Gemini accepts image URLs only over https (or gs:// on Vertex AI); send "
                    + "the image inline as base64 instead.", param);
        }
        if (gcs && flavor != GeminiSettings.Flavor.VERTEX) {
            throw Unsupported.invalid("gs:// image URLs are accepted only by Vertex AI deployments; send the image "
                    + "inline as base64 or by https URL instead.", param);
        }
        var mimeType = mimeType(url);
        if (mimeType == null) {
            throw Unsupported.invalid("The media type of the image URL cannot be told from its extension (png, "
                    + "jpg, jpeg, webp, heic, heif); send the image inline as base64 instead.", param);
        }
        var file = part.putObject("fileData");
        file.put("mimeType", mimeType);
        file.put("fileUri", url);
    }

    /** The image types Gemini documents, by the extension of the URL's path (query and fragment ignored). */
    static @Nullable String mimeType(String url) {
        String path;
        try {
            path = url.toLowerCase(Locale.ROOT).startsWith("gs://") ? url : URI.create(url).getPath();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (path == null) {
            return null;
        }
        var lower = path.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        var extension = dot < 0 ? "" : lower.substring(dot + 1);
        return switch (extension) {
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "webp" -> "image/webp";
            case "heic" -> "image/heic";
            case "heif" -> "image/heif";
            default -> null;
        };
    }
}
