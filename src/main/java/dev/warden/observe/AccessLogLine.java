package dev.warden.observe;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.warden.pipeline.RequestRecord;
import java.io.IOException;

/** The field layout of one access log line. Stable names: dashboards and SIEM parsers depend on them. */
final class AccessLogLine {
    private AccessLogLine() {}

    static void write(JsonGenerator gen, RequestRecord r) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("ts", r.time().toString());
        gen.writeStringField("event", "request");
        gen.writeStringField("request_id", r.requestId());
        gen.writeStringField("dialect", r.dialect());
        gen.writeStringField("endpoint", r.endpoint());
        writeNullable(gen, "principal", r.principal());
        var owner = r.owner();
        writeNullable(gen, "user", owner.user());
        if (!owner.teams().isEmpty()) {
            gen.writeArrayFieldStart("teams");
            for (var team : owner.teams()) {
                gen.writeString(team);
            }
            gen.writeEndArray();
        }
        writeNullable(gen, "org", owner.org());
        writeNullable(gen, "model", r.model());
        writeNullable(gen, "deployment", r.deployment());
        writeNullable(gen, "upstream_model", r.upstreamModel());
        gen.writeBooleanField("stream", r.stream());
        gen.writeNumberField("status", r.status());
        gen.writeStringField("outcome", r.outcome());
        writeNullable(gen, "error", r.errorType());
        if (r.usage() != null) {
            var usage = r.usage();
            gen.writeNumberField("prompt_tokens", usage.promptTokens());
            gen.writeNumberField("completion_tokens", usage.completionTokens());
            gen.writeNumberField("cached_tokens", usage.cachedTokens());
            gen.writeNumberField("reasoning_tokens", usage.reasoningTokens());
            gen.writeBooleanField("usage_estimated", usage.estimated());
        }
        if (r.costUsd() != null) {
            gen.writeFieldName("cost_usd");
            gen.writeNumber(r.costUsd().stripTrailingZeros().toPlainString());
        }
        if (r.unpriced()) {
            gen.writeBooleanField("unpriced", true);
        }
        gen.writeNumberField("latency_ms", Math.round(r.latencyMillis() * 1000) / 1000.0);
        if (r.ttfbMillis() >= 0) {
            gen.writeNumberField("ttfb_ms", Math.round(r.ttfbMillis() * 1000) / 1000.0);
        }
        if (r.upstreamStatus() != 0) {
            gen.writeNumberField("upstream_status", r.upstreamStatus());
        }
        if (!r.droppedParams().isEmpty()) {
            gen.writeArrayFieldStart("dropped_params");
            for (var param : r.droppedParams()) {
                gen.writeString(param);
            }
            gen.writeEndArray();
        }
        gen.writeEndObject();
    }

    private static void writeNullable(JsonGenerator gen, String field, String value) throws IOException {
        if (value != null) {
            gen.writeStringField(field, value);
        }
    }
}
