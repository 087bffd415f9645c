/**
 * The Ollama API as served to clients (the ollama CLI, ollama-python, ollama-js, Open WebUI, Continue): request
 * decoding of {@code /api/chat}, {@code /api/generate}, {@code /api/embed}, {@code /api/embeddings} and
 * {@code /api/show} into {@code dev.warden.llm} records, answer encoding (including {@code /api/tags} and
 * {@code /api/version}) and the NDJSON stream writers. Front types are {@link dev.warden.api.ollama.OllamaCodec},
 * {@link dev.warden.api.ollama.OllamaChatStream}, {@link dev.warden.api.ollama.OllamaGenerateStream} and the
 * {@link dev.warden.api.ollama.OllamaTimings} value; everything else is package-private.
 */
@NullMarked
package dev.warden.api.ollama;

import org.jspecify.annotations.NullMarked;
