/**
 * Azure OpenAI: the OpenAI wire format on per-deployment URLs with an {@code api-version} query parameter and an
 * {@code api-key} header. Front type: {@link dev.warden.provider.azure.AzureOpenAiProvider}.
 */
@NullMarked
package dev.warden.provider.azure;

import org.jspecify.annotations.NullMarked;
