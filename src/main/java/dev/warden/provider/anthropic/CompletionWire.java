package dev.warden.provider.anthropic;

import dev.warden.llm.ChatRequest;
import dev.warden.llm.ChatResponse;
import dev.warden.llm.CompletionRequest;
import dev.warden.llm.CompletionResponse;
import dev.warden.llm.Message;
import dev.warden.llm.Role;
import java.util.List;

/**
 * Legacy text completions on Anthropic, which has none: the single prompt becomes one user message of a chat, and the
 * chat answer's text becomes the completion text. The model therefore answers the prompt rather than continuing it
 * verbatim, which is the closest Anthropic comes. Several prompts in one request are refused (400 naming
 * {@code prompt}) because Anthropic answers one conversation per call. Streams need no mapping: text deltas, the
 * finish and usage are the same canonical events.
 */
final class CompletionWire {
    private CompletionWire() {}

    static ChatRequest toChat(CompletionRequest request) {
        if (request.prompts().size() != 1) {
            throw RequestWire.invalid("Anthropic completes one prompt per request; got " + request.prompts().size()
                    + ".", "prompt");
        }
        return new ChatRequest(request.model(), List.of(Message.text(Role.USER, request.prompts().getFirst())),
                request.sampling(), List.of(), null, null, null, request.stream(), request.includeUsage(),
                request.user(), request.extra());
    }

    static CompletionResponse fromChat(ChatResponse response) {
        var choices = response.choices().stream()
                .map(c -> new CompletionResponse.TextChoice(c.index(), c.message().joinedText(), c.finishReason()))
                .toList();
        return new CompletionResponse(response.id(), response.model(), response.created(), choices,
                response.usage());
    }
}
