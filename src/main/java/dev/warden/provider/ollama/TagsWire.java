package dev.warden.provider.ollama;

import dev.warden.llm.ModelInfo;
import dev.warden.provider.ProviderJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** {@code GET /api/tags} → the models the Ollama server has pulled, as {@link ModelInfo}s. Pure. */
final class TagsWire {
    static final String OWNER = "ollama";

    private TagsWire() {}

    /** {@code created} is the model's {@code modified_at} (when it was pulled), 0 when unreadable. */
    static List<ModelInfo> fromWire(byte[] body) throws IOException {
        var root = ProviderJson.read(body);
        var models = root == null ? null : root.get("models");
        if (models == null || !models.isArray()) {
            throw new IOException("tags answer without models");
        }
        var out = new ArrayList<ModelInfo>(models.size());
        for (var model : models) {
            // "name" is what /api/chat accepts; newer servers repeat it as "model".
            var name = ProviderJson.text(model, "name");
            if (name == null || name.isEmpty()) {
                name = ProviderJson.text(model, "model");
            }
            if (name != null && !name.isEmpty()) {
                out.add(new ModelInfo(name, OWNER, Timestamps.epochSeconds(model, "modified_at", 0)));
            }
        }
        return out;
    }
}
