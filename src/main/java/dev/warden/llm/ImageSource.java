package dev.warden.llm;

import java.util.Objects;

/** Where an image's bytes come from. */
public sealed interface ImageSource {

    /** A URL the upstream fetches itself (http, https, or a data: URL passed through verbatim). */
    record Url(String url) implements ImageSource {
        public Url {
            Objects.requireNonNull(url, "url");
        }
    }

    /** Inline bytes, base64-encoded, with their media type (image/png, image/jpeg, ...). */
    record Base64(String mediaType, String data) implements ImageSource {
        public Base64 {
            Objects.requireNonNull(mediaType, "mediaType");
            Objects.requireNonNull(data, "data");
        }
    }
}
