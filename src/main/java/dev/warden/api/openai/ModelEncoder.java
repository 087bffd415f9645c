package dev.warden.api.openai;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.warden.llm.ModelInfo;
import java.io.IOException;
import java.util.List;

/** {@link ModelInfo} to {@code model} objects, alone (GET /v1/models/{id}) or as a list (GET /v1/models). */
final class ModelEncoder {
    private ModelEncoder() {}

    static void writeList(JsonGenerator g, List<ModelInfo> models) throws IOException {
        g.writeStartObject();
        g.writeStringField("object", "list");
        g.writeArrayFieldStart("data");
        for (ModelInfo model : models) {
            write(g, model);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    static void write(JsonGenerator g, ModelInfo model) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", model.id());
        g.writeStringField("object", "model");
        g.writeNumberField("created", model.created());
        g.writeStringField("owned_by", model.ownedBy());
        g.writeEndObject();
    }
}
