package dev.warden.api.ollama;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.warden.llm.FinishReason;
import dev.warden.llm.Usage;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/** The fields every Ollama answer line shares: the timestamp, and on the last line the reason, timings and counts. */
final class DoneFields {
    private DoneFields() {}

    /**
     * RFC 3339 in UTC with as many fraction digits as needed (e.g. {@code 2024-07-22T20:33:28.123648Z}), which Go's
     * {@code time.Time}, pydantic and JavaScript's {@code Date} all parse.
     */
    static String createdAt(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    static void header(JsonGenerator g, String model, Instant now) throws IOException {
        g.writeStartObject();
        g.writeStringField("model", model);
        g.writeStringField("created_at", createdAt(now));
    }

    /**
     * Ollama's {@code done_reason} vocabulary is "stop" and "length" (plus "load"/"unload"). Tool calls end with
     * "stop", as Ollama itself reports them. A content filter has no Ollama word; "content_filter" is written rather
     * than "stop" so a cut answer is never passed off as a natural end (clients treat the field as a free string).
     * An unknown reason is a natural end as far as anyone can tell.
     */
    static String doneReason(@Nullable FinishReason reason) {
        if (reason == null) {
            return "stop";
        }
        return switch (reason) {
            case STOP, TOOL_CALLS -> "stop";
            case LENGTH -> "length";
            case CONTENT_FILTER -> "content_filter";
        };
    }

    /**
     * Writes {@code done: true}, the reason, the timings and, when the upstream reported usage, the counts (Ollama
     * omits counts it does not have rather than writing 0). The object is left open.
     */
    static void done(JsonGenerator g, @Nullable FinishReason reason, @Nullable Usage usage, OllamaTimings timings)
            throws IOException {
        g.writeBooleanField("done", true);
        g.writeStringField("done_reason", doneReason(reason));
        g.writeNumberField("total_duration", timings.totalNanos());
        g.writeNumberField("load_duration", timings.loadNanos());
        if (usage != null) {
            g.writeNumberField("prompt_eval_count", usage.promptTokens());
        }
        g.writeNumberField("prompt_eval_duration", timings.promptEvalNanos());
        if (usage != null) {
            g.writeNumberField("eval_count", usage.completionTokens());
        }
        g.writeNumberField("eval_duration", timings.evalNanos());
    }
}
