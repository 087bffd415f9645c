package dev.warden.provider.bedrock;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One decoded eventstream message. Header values are kept as text: strings as they are, booleans and integers in
 * decimal, byte arrays in base64, timestamps as ISO instants, UUIDs in their usual form; Bedrock only sends
 * strings ({@code :event-type}, {@code :message-type}, {@code :content-type}, {@code :exception-type}).
 */
record EventFrame(Map<String, String> headers, byte[] payload) {
    EventFrame {
        headers = Map.copyOf(headers);
        Objects.requireNonNull(payload, "payload");
    }

    @Nullable String header(String name) {
        return headers.get(name);
    }

    String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "EventFrame[headers=" + headers + ", payload=" + payload.length + " bytes]";
    }
}
