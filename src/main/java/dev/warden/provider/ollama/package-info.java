/**
 * Ollama's native API as an upstream: {@code /api/chat} (whole or NDJSON-streamed), {@code /api/generate},
 * {@code /api/embed} and model discovery through {@code /api/tags}. Front types:
 * {@link dev.warden.provider.ollama.OllamaProvider} and {@link dev.warden.provider.ollama.OllamaSettings}; the
 * translators behind them are pure and package-private.
 */
@NullMarked
package dev.warden.provider.ollama;

import org.jspecify.annotations.NullMarked;
