package dev.warden.provider.openaicompat;

import dev.warden.llm.Sampling;
import java.io.IOException;

/** The sampling fields, shared by chat and legacy completions bodies. Absent fields stay absent. */
final class SamplingWire {
    private SamplingWire() {}

    static void write(ParamWriter params, Sampling sampling) throws IOException {
        if (sampling.temperature() != null) {
            params.number("temperature", sampling.temperature());
        }
        if (sampling.topP() != null) {
            params.number("top_p", sampling.topP());
        }
        if (sampling.maxTokens() != null) {
            params.number("max_tokens", sampling.maxTokens().longValue());
        }
        if (!sampling.stop().isEmpty()) {
            var stop = sampling.stop();
            params.object("stop", g -> {
                g.writeStartArray();
                for (var s : stop) {
                    g.writeString(s);
                }
                g.writeEndArray();
            });
        }
        if (sampling.seed() != null) {
            params.number("seed", sampling.seed().longValue());
        }
        if (sampling.presencePenalty() != null) {
            params.number("presence_penalty", sampling.presencePenalty());
        }
        if (sampling.frequencyPenalty() != null) {
            params.number("frequency_penalty", sampling.frequencyPenalty());
        }
        if (sampling.n() != null) {
            params.number("n", sampling.n().longValue());
        }
        if (sampling.topK() != null) {
            // Not an OpenAI parameter, but vLLM, SGLang, llama.cpp and others accept it under this name; OpenAI
            // itself rejects it with a 400 naming the field, which is the honest outcome.
            params.number("top_k", sampling.topK().longValue());
        }
    }
}
