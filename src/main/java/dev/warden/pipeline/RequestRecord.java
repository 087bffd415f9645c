package dev.warden.pipeline;

import dev.warden.llm.Usage;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What is remembered about one request, handed to the record sinks off the request path. Holds no prompt or
 * answer text and no credential: only identifiers, sizes, timings and outcomes.
 *
 * @param outcome "ok", "error", "complete", "truncated", "upstream_error" or "client_gone"
 * @param ttfbMillis time to first streamed event, -1 when not streamed
 */
public record RequestRecord(
        Instant time,
        String requestId,
        String dialect,
        String endpoint,
        @Nullable String principal,
        @Nullable String model,
        @Nullable String deployment,
        @Nullable String upstreamModel,
        boolean stream,
        int status,
        String outcome,
        @Nullable String errorType,
        @Nullable Usage usage,
        double latencyMillis,
        double ttfbMillis,
        int upstreamStatus,
        List<String> droppedParams) {

    public RequestRecord {
        droppedParams = List.copyOf(droppedParams);
    }
}
