package dev.warden.api.openai;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.warden.api.wire.JsonBody;
import dev.warden.llm.StreamEvent;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.Usage;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * What chat and legacy completion streams share: the chunk envelope (id, object, created, model, one choice, the
 * explicit {@code "usage": null} OpenAI writes before the usage chunk), the usage chunk and the end of the stream.
 * The streams differ only in what a choice holds. One instance per response; not thread-safe.
 */
final class ChunkWriter {
    private final SseChannel channel;
    private final String object;
    private final boolean includeUsage;
    // Until Start arrives (an upstream that fails first) chunks still carry the fields SDKs require.
    private String id = "";
    private String model = "";
    private long created;
    private boolean usageSent;
    private boolean finished;

    ChunkWriter(SseChannel channel, String object, boolean includeUsage) {
        this.channel = channel;
        this.object = object;
        this.includeUsage = includeUsage;
    }

    void start(StreamEvent.Start start) {
        id = start.id();
        model = start.model();
        created = start.created();
    }

    /** One chunk with one choice whose fields {@code choice} writes. */
    void chunk(JsonBody choice) {
        channel.send(g -> {
            header(g);
            g.writeArrayFieldStart("choices");
            g.writeStartObject();
            choice.write(g);
            g.writeEndObject();
            g.writeEndArray();
            if (includeUsage) {
                // OpenAI marks every chunk before the usage chunk with an explicit null.
                g.writeNullField("usage");
            }
            g.writeEndObject();
        });
    }

    /** The usage chunk, sent only when the client asked for it. */
    void usage(Usage usage, @Nullable String systemFingerprint) {
        if (!includeUsage) {
            return;
        }
        usageSent = true;
        channel.send(g -> {
            header(g);
            if (systemFingerprint != null) {
                g.writeStringField("system_fingerprint", systemFingerprint);
            }
            g.writeArrayFieldStart("choices");
            g.writeEndArray();
            UsageEncoder.write(g, usage);
            g.writeEndObject();
        });
    }

    /** Ends the stream; later calls do nothing, so the caller may finish from a finally block. */
    void finish(StreamOutcome outcome) {
        if (finished) {
            return;
        }
        finished = true;
        StreamEnd.finish(channel, outcome, usageSent, includeUsage, usage -> usage(usage, null));
    }

    private void header(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("object", object);
        g.writeNumberField("created", created);
        g.writeStringField("model", model);
    }
}
