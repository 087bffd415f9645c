/**
 * The Anthropic Messages API as served to clients (the Anthropic SDKs, Claude Code): request decoding of
 * {@code POST /v1/messages} and {@code POST /v1/messages/count_tokens} into {@code dev.warden.llm} records, answer
 * and error encoding, and the named-event SSE stream writer. Front types are {@link
 * dev.warden.api.anthropic.AnthropicCodec} and {@link dev.warden.api.anthropic.AnthropicMessageStream}; everything
 * else is package-private.
 */
@NullMarked
package dev.warden.api.anthropic;

import org.jspecify.annotations.NullMarked;
