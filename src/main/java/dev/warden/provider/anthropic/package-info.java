/**
 * The Anthropic Messages API ({@code POST /v1/messages}) as an upstream. Front types:
 * {@link dev.warden.provider.anthropic.AnthropicProvider} and {@link dev.warden.provider.anthropic.AnthropicSettings}.
 * Translation is pure (request, response, stream and error translators); the only I/O is the
 * {@link dev.warden.provider.UpstreamClient}.
 */
@NullMarked
package dev.warden.provider.anthropic;

import org.jspecify.annotations.NullMarked;
