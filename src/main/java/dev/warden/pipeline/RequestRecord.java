package dev.warden.pipeline;

import dev.warden.identity.Owner;
import dev.warden.llm.Usage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What is remembered about one request, handed to the record sinks off the request path. Holds no prompt or
 * answer text and no credential: only identifiers, sizes, timings and outcomes.
 *
 * @param principal the caller's id (a key id, "master", a JWT subject), never a secret
 * @param owner who the request is attributed to; {@link Owner#NONE} before authentication
 * @param outcome "ok", "error", "complete", "truncated", "upstream_error" or "client_gone"
 * @param costUsd what the call cost, when its model has a price and usage is known
 * @param unpriced the call was served to a model without a known price
 * @param ttfbMillis time to first streamed event, -1 when not streamed
 */
public record RequestRecord(
        Instant time,
        String requestId,
        String dialect,
        String endpoint,
        @Nullable String principal,
        Owner owner,
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
        List<String> droppedParams,
        @Nullable BigDecimal costUsd,
        boolean unpriced) {

    public RequestRecord {
        Objects.requireNonNull(owner, "owner");
        droppedParams = List.copyOf(droppedParams);
    }
}
