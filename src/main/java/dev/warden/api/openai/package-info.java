/**
 * The OpenAI dialect as served to clients: request decoding (wire JSON to {@code dev.warden.llm} records),
 * answer encoding (records to wire JSON bytes) and the SSE stream writers. Front types are {@link
 * dev.warden.api.openai.OpenAiCodec}, {@link dev.warden.api.openai.OpenAiChatStream} and {@link
 * dev.warden.api.openai.OpenAiCompletionStream}; everything else is package-private.
 */
@NullMarked
package dev.warden.api.openai;

import org.jspecify.annotations.NullMarked;
