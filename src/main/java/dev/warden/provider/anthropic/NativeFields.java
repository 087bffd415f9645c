package dev.warden.provider.anthropic;

import java.util.Set;

/**
 * The request fields Warden does not model that are forwarded verbatim, because they are Anthropic's own names
 * (clients of the Anthropic dialect send them, and OpenAI clients may send them as extra body fields). Anything else
 * in a request's {@code extra} is rejected with a 400 naming it: an OpenAI-only field ({@code logit_bias},
 * {@code logprobs}) would otherwise be silently ignored or rejected by Anthropic with a less useful message.
 *
 * <p>Kept as data so that a new Anthropic parameter is one line here. Fields Warden models ({@code system},
 * {@code messages}, {@code tools}, {@code tool_choice}, {@code max_tokens}, {@code stop_sequences},
 * {@code temperature}, {@code top_p}, {@code stream}) are never taken from {@code extra}.
 */
final class NativeFields {
    static final Set<String> PASS_THROUGH = Set.of(
            "metadata",           // merged with the canonical user (metadata.user_id)
            "thinking",           // extended thinking: {type: enabled, budget_tokens} / adaptive
            "service_tier",       // auto | standard_only
            "top_k",              // also modeled as Sampling.topK; the modeled value wins when both are given
            "container",          // code execution container id
            "mcp_servers",        // MCP connector
            "context_management", // context editing
            "output_config");     // native structured output / effort on models that have it

    private NativeFields() {}
}
