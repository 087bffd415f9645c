package dev.warden.server;

import dev.warden.llm.ApiError;

/** Errors the server itself raises, worded once. */
final class Errors {
    private Errors() {}

    static ApiError truncated() {
        return new ApiError.Upstream(502, "The upstream stream ended before it was complete.", "upstream_error",
                null, "stream_truncated", null);
    }

    static ApiError notFound(String method, String path) {
        return new ApiError.NotFound("Unknown request URL: " + method + " " + path + ".", "unknown_url");
    }
}
