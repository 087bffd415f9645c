package dev.warden.api.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.warden.llm.ContentPart;
import dev.warden.llm.ImageSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Ollama's {@code images}: bare base64 strings with no media type. Upstreams other than Ollama need one
 * (Anthropic, Bedrock, Gemini, OpenAI data URLs), so it is read from the image's magic bytes; a format that is not
 * one of the four every vision upstream takes is a 400 rather than a guess.
 */
final class ImageDecoder {
    private ImageDecoder() {}

    static List<ContentPart> decode(ArrayNode images, String path) {
        var parts = new ArrayList<ContentPart>(images.size());
        for (int i = 0; i < images.size(); i++) {
            String at = path + "[" + i + "]";
            JsonNode image = images.get(i);
            if (!image.isTextual()) {
                throw RequestErrors.wrongType(at, "a base64-encoded image", image);
            }
            String data = image.textValue();
            parts.add(new ContentPart.Image(new ImageSource.Base64(mediaType(data, at), data), null));
        }
        return parts;
    }

    static String mediaType(String base64, String path) {
        if (!isBase64(base64)) {
            throw RequestErrors.invalid(path, path + ": not valid base64 image data (send the file's bytes in"
                    + " standard base64, without a data: URL prefix)");
        }
        // 16 characters decode to the 12 bytes the longest signature (WebP) needs.
        byte[] head = Base64.getDecoder().decode(base64.substring(0, Math.min(16, base64.length())));
        if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(head, 'G', 'I', 'F', '8') && head.length >= 6 && (head[4] == '7' || head[4] == '9')
                && head[5] == 'a') {
            return "image/gif";
        }
        if (startsWith(head, 'R', 'I', 'F', 'F') && head.length >= 12 && head[8] == 'W' && head[9] == 'E'
                && head[10] == 'B' && head[11] == 'P') {
            return "image/webp";
        }
        throw RequestErrors.invalid(path, path + ": unsupported image format; expected PNG, JPEG, GIF or WebP");
    }

    /** Standard alphabet, length a multiple of 4, padding only at the end: what Go's StdEncoding accepts. */
    private static boolean isBase64(String s) {
        int n = s.length();
        if (n == 0 || n % 4 != 0) {
            return false;
        }
        int padding = s.charAt(n - 1) == '=' ? (s.charAt(n - 2) == '=' ? 2 : 1) : 0;
        for (int i = 0; i < n - padding; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+'
                    || c == '/';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, int... signature) {
        if (bytes.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((bytes[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
