/**
 * The canonical, provider-neutral model of an LLM exchange. Every dialect decodes into these types and every
 * provider translates from them, so a new dialect or provider is one translation, not one per pair.
 * Records only, no I/O; imports nothing but the JDK.
 */
@NullMarked
package dev.warden.llm;

import org.jspecify.annotations.NullMarked;
