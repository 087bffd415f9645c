/**
 * Token counts the upstream did not report: counted with OpenAI's tokenizers (jtokkit) for OpenAI models, the same
 * encoding as an estimate for others, and always marked estimated, because budgets and spend depend on them.
 */
@NullMarked
package dev.warden.tokens;

import org.jspecify.annotations.NullMarked;
