package dev.warden.api.ollama;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.warden.llm.ModelInfo;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * GET /api/tags, POST /api/show and GET /api/version. Behind a gateway a model's file size, digest, format, family,
 * parameter count and quantization are unknown (the weights live upstream, possibly in a hosted API), so they are
 * written as Ollama's zero values ({@code 0} and {@code ""}) rather than invented; clients list such models fine.
 */
final class ModelEncoder {
    private ModelEncoder() {}

    static void tags(JsonGenerator g, List<ModelInfo> models) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("models");
        for (ModelInfo model : models) {
            g.writeStartObject();
            g.writeStringField("name", model.id());
            g.writeStringField("model", model.id());
            g.writeStringField("modified_at", modifiedAt(model));
            g.writeNumberField("size", 0);
            g.writeStringField("digest", "");
            details(g);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** {@code capabilities} is what clients (the ollama CLI, Open WebUI) read to decide what to offer. */
    static void show(JsonGenerator g, ModelInfo model, List<String> capabilities) throws IOException {
        g.writeStartObject();
        g.writeStringField("modelfile", "");
        g.writeStringField("parameters", "");
        g.writeStringField("template", "");
        details(g);
        g.writeObjectFieldStart("model_info");
        g.writeEndObject();
        g.writeArrayFieldStart("capabilities");
        for (String capability : capabilities) {
            g.writeString(capability);
        }
        g.writeEndArray();
        g.writeStringField("modified_at", modifiedAt(model));
        g.writeEndObject();
    }

    static void version(JsonGenerator g, String version) throws IOException {
        g.writeStartObject();
        g.writeStringField("version", version);
        g.writeEndObject();
    }

    private static void details(JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("details");
        g.writeStringField("parent_model", "");
        g.writeStringField("format", "");
        g.writeStringField("family", "");
        g.writeArrayFieldStart("families");
        g.writeEndArray();
        g.writeStringField("parameter_size", "");
        g.writeStringField("quantization_level", "");
        g.writeEndObject();
    }

    private static String modifiedAt(ModelInfo model) {
        return DoneFields.createdAt(Instant.ofEpochSecond(model.created()));
    }
}
