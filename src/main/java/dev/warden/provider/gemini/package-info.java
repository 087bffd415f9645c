/**
 * Google Gemini as an upstream: the Generative Language API ({@code x-goog-api-key}) and Vertex AI (bearer token)
 * as a variant of the same wire. {@link dev.warden.provider.gemini.GeminiProvider} is the front type; translators are
 * pure and package-private.
 */
@NullMarked
package dev.warden.provider.gemini;

import org.jspecify.annotations.NullMarked;
