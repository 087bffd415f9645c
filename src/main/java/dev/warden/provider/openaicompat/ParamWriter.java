package dev.warden.provider.openaicompat;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import dev.warden.llm.ChatRequest;
import dev.warden.llm.RawJson;
import dev.warden.provider.CallNotes;
import dev.warden.provider.ProviderJson;
import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Writes the top-level fields of a request body through a dialect: each field is renamed, dropped (and the drop
 * reported) or written as is; {@link #finish} then adds the dialect's defaults for fields nobody wrote. One writer per
 * body; not thread-safe.
 */
final class ParamWriter {
    private final JsonGenerator gen;
    private final Dialect dialect;
    private final CallNotes notes;
    private final Set<String> written = new HashSet<>();

    ParamWriter(JsonGenerator gen, Dialect dialect, CallNotes notes) {
        this.gen = gen;
        this.dialect = dialect;
        this.notes = notes;
    }

    /** A writer that applies nothing, for bodies the dialect table does not cover. */
    static ParamWriter plain(JsonGenerator gen, CallNotes notes) {
        return new ParamWriter(gen, Dialects.GENERIC, notes);
    }

    /** Writes the field name if the dialect keeps it; returns false if the caller must skip the value. */
    private boolean field(String name) throws IOException {
        if (dialect.drop().contains(name)) {
            notes.droppedParam(name);
            return false;
        }
        var upstream = dialect.upstreamName(name);
        if (!written.add(upstream)) {
            return false; // a modeled field and an extra with the same name: the modeled one was written first
        }
        gen.writeFieldName(upstream);
        return true;
    }

    void string(String name, String value) throws IOException {
        if (field(name)) {
            gen.writeString(value);
        }
    }

    void number(String name, double value) throws IOException {
        if (field(name)) {
            gen.writeNumber(value);
        }
    }

    void number(String name, long value) throws IOException {
        if (field(name)) {
            gen.writeNumber(value);
        }
    }

    void bool(String name, boolean value) throws IOException {
        if (field(name)) {
            gen.writeBoolean(value);
        }
    }

    void raw(String name, RawJson value) throws IOException {
        if (field(name)) {
            gen.writeRawValue(value.json());
        }
    }

    /** A field whose value is structured; {@code value} runs only if the field is kept. */
    void object(String name, ProviderJson.JsonBody value) throws IOException {
        if (field(name)) {
            value.writeTo(gen);
        }
    }

    /**
     * Writes the client's pass-through fields. Fields from another dialect (an Anthropic client's {@code thinking},
     * an Ollama client's {@code options}) mean nothing to an OpenAI-style upstream: they are refused with a 400
     * naming them, or dropped and reported when the deployment says so; never sent blindly.
     */
    void extras(Map<String, RawJson> extra, String origin, boolean dropForeign) throws IOException {
        boolean foreign = !ChatRequest.OPENAI_EXTRAS.equals(origin);
        for (var entry : new java.util.TreeMap<>(extra).entrySet()) {
            if (!foreign) {
                raw(entry.getKey(), entry.getValue());
            } else if (dropForeign) {
                notes.droppedParam(entry.getKey());
            } else {
                throw new ApiException(ApiError.InvalidRequest.of("The parameter '" + entry.getKey() + "' of the "
                        + origin + " API is not supported by this deployment (an OpenAI-compatible upstream). "
                        + "Remove it, or set drop_unsupported_params on the deployment.", entry.getKey()));
            }
        }
    }

    void finish() throws IOException {
        for (var entry : dialect.defaults().entrySet()) {
            if (written.add(entry.getKey())) {
                gen.writeFieldName(entry.getKey());
                gen.writeRawValue(entry.getValue().json());
            }
        }
    }
}
