package dev.warden.provider.openaicompat;

import dev.warden.llm.CompletionRequest;
import dev.warden.llm.CompletionResponse;
import dev.warden.provider.CallNotes;
import dev.warden.provider.ProviderJson;
import java.io.IOException;
import java.util.ArrayList;

/** Legacy text completions: canonical request → body, {@code text_completion} body → canonical response. */
final class CompletionWire {
    private CompletionWire() {}

    static byte[] toWire(CompletionRequest request, boolean stream, boolean askForUsage, CallNotes notes) {
        return toWire(request, stream, askForUsage, notes, false);
    }

    static byte[] toWire(CompletionRequest request, boolean stream, boolean askForUsage, CallNotes notes,
            boolean dropForeign) {
        return ProviderJson.write(gen -> {
            var params = ParamWriter.plain(gen, notes);
            gen.writeStartObject();
            params.string("model", request.model());
            var prompts = request.prompts();
            params.object("prompt", g -> {
                if (prompts.size() == 1) {
                    g.writeString(prompts.getFirst());
                } else {
                    g.writeStartArray();
                    for (var prompt : prompts) {
                        g.writeString(prompt);
                    }
                    g.writeEndArray();
                }
            });
            SamplingWire.write(params, request.sampling());
            if (stream) {
                params.bool("stream", true);
                if (askForUsage) {
                    params.object("stream_options", g -> {
                        g.writeStartObject();
                        g.writeBooleanField("include_usage", true);
                        g.writeEndObject();
                    });
                }
            }
            if (request.user() != null) {
                params.string("user", request.user());
            }
            params.extras(request.extra(), request.extraDialect(), dropForeign);
            gen.writeEndObject();
        });
    }

    static CompletionResponse fromWire(byte[] body) throws IOException {
        var root = ProviderJson.read(body);
        var choicesNode = root.path("choices");
        if (!choicesNode.isArray()) {
            throw new IOException("text_completion without choices");
        }
        var choices = new ArrayList<CompletionResponse.TextChoice>(choicesNode.size());
        for (var choice : choicesNode) {
            choices.add(new CompletionResponse.TextChoice(choice.path("index").asInt(choices.size()),
                    ChatResponseWire.textOr(choice, "text", ""), UsageWire.finishReason(choice.get("finish_reason"))));
        }
        return new CompletionResponse(ChatResponseWire.textOr(root, "id", ""),
                ChatResponseWire.textOr(root, "model", ""), ProviderJson.longValue(root, "created"), choices,
                UsageWire.fromWire(root.get("usage")));
    }
}
