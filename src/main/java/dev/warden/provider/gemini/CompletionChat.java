package dev.warden.provider.gemini;

import dev.warden.llm.ChatRequest;
import dev.warden.llm.ChatResponse;
import dev.warden.llm.CompletionRequest;
import dev.warden.llm.CompletionResponse;
import dev.warden.llm.Message;
import dev.warden.llm.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * Legacy text completions as chat: the prompt becomes one user message and the answer's text (reasoning excluded)
 * the completion. Gemini generates one prompt per request, so several prompts are a 400 rather than several calls
 * with a merged bill.
 */
final class CompletionChat {
    private CompletionChat() {}

    static ChatRequest toChat(CompletionRequest request) {
        if (request.prompts().size() != 1) {
            throw Unsupported.invalid("Gemini completes one prompt per request; send the prompts one at a time.",
                    "prompt");
        }
        return new ChatRequest(request.model(), List.of(Message.text(Role.USER, request.prompts().getFirst())),
                request.sampling(), List.of(), null, null, null, request.stream(), request.includeUsage(),
                request.user(), request.extra());
    }

    static CompletionResponse fromChat(ChatResponse chat) {
        var choices = new ArrayList<CompletionResponse.TextChoice>(chat.choices().size());
        for (var choice : chat.choices()) {
            choices.add(new CompletionResponse.TextChoice(choice.index(), choice.message().joinedText(),
                    choice.finishReason()));
        }
        return new CompletionResponse(chat.id(), chat.model(), chat.created(), choices, chat.usage());
    }
}
