package dev.warden.pipeline;

import dev.warden.llm.ChatRequest;
import dev.warden.llm.CompletionRequest;
import dev.warden.llm.EmbeddingRequest;
import java.util.Optional;

/** What the client asked for, decoded from its dialect. */
public sealed interface Operation {

    /** The model the operation names, if it names one. */
    Optional<String> model();

    /** Whether the answer is streamed through the exchange's sink. */
    default boolean streaming() {
        return false;
    }

    record Chat(ChatRequest request) implements Operation {
        @Override
        public Optional<String> model() {
            return Optional.of(request.model());
        }

        @Override
        public boolean streaming() {
            return request.stream();
        }
    }

    record Completion(CompletionRequest request) implements Operation {
        @Override
        public Optional<String> model() {
            return Optional.of(request.model());
        }

        @Override
        public boolean streaming() {
            return request.stream();
        }
    }

    record Embeddings(EmbeddingRequest request) implements Operation {
        @Override
        public Optional<String> model() {
            return Optional.of(request.model());
        }
    }

    /**
     * Count the input tokens of a chat request (Anthropic's count_tokens). Routed like a chat, so an unknown model
     * is a 404, but answered by the dialect's estimate, not by an upstream.
     */
    record CountTokens(ChatRequest request) implements Operation {
        @Override
        public Optional<String> model() {
            return Optional.of(request.model());
        }
    }

    /**
     * A chat with no messages: Ollama clients send it to load a model before a session. Routed like a chat (so the
     * model must exist) and answered at once, without an upstream call.
     */
    record Preload(ChatRequest request) implements Operation {
        @Override
        public Optional<String> model() {
            return Optional.of(request.model());
        }
    }

    record ListModels() implements Operation {
        @Override
        public Optional<String> model() {
            return Optional.empty();
        }
    }

    record GetModel(String id) implements Operation {
        @Override
        public Optional<String> model() {
            return Optional.empty();
        }
    }
}
