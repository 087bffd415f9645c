package dev.warden.provider;

import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import dev.warden.llm.ChatRequest;
import dev.warden.llm.ChatResponse;
import dev.warden.llm.CompletionRequest;
import dev.warden.llm.CompletionResponse;
import dev.warden.llm.Message;
import dev.warden.llm.Role;
import java.util.List;

/**
 * Legacy text completions for upstreams that only chat (Anthropic, Bedrock, Gemini): the single prompt becomes one
 * user message, and the answer's text (reasoning excluded) becomes the completion. The model therefore answers the
 * prompt rather than continuing it verbatim, the closest these upstreams come. Several prompts are refused with a
 * 400 naming {@code prompt}, because each call answers one conversation and several calls would merge bills
 * silently. Streams need no mapping: text deltas, the finish and usage are the same canonical events.
 */
public final class CompletionAsChat {
    private CompletionAsChat() {}

    /**
     * The request as a one-message chat.
     *
     * @param refusal what the client is told when it sent other than one prompt, in the upstream's own words
     */
    public static ChatRequest toChat(CompletionRequest request, String refusal) {
        if (request.prompts().size() != 1) {
            throw new ApiException(ApiError.InvalidRequest.of(refusal, "prompt"));
        }
        return new ChatRequest(request.model(), List.of(Message.text(Role.USER, request.prompts().getFirst())),
                request.sampling(), List.of(), null, null, null, request.stream(), request.includeUsage(),
                request.user(), request.extra());
    }

    public static CompletionResponse fromChat(ChatResponse chat) {
        var choices = chat.choices().stream()
                .map(c -> new CompletionResponse.TextChoice(c.index(), c.message().joinedText(), c.finishReason()))
                .toList();
        return new CompletionResponse(chat.id(), chat.model(), chat.created(), choices, chat.usage());
    }
}
