/**
 * Upstreams that speak the OpenAI wire format (OpenAI itself, vLLM, SGLang, TRT-LLM, llama.cpp, LM Studio, Groq,
 * Mistral, Together, DeepSeek, OpenRouter, Azure OpenAI). Structure (messages, tools, stream events) is typed code
 * shared by all of them; the simple differences between them are data in a {@link
 * dev.warden.provider.openaicompat.Dialect}. Front types: {@link dev.warden.provider.openaicompat.OpenAiCompatProvider},
 * {@link dev.warden.provider.openaicompat.Dialect}, {@link dev.warden.provider.openaicompat.Dialects}.
 */
@NullMarked
package dev.warden.provider.openaicompat;

import org.jspecify.annotations.NullMarked;
