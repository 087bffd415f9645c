package dev.warden.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.warden.llm.ChatRequest;
import dev.warden.llm.CompletionRequest;
import dev.warden.llm.ContentPart;
import dev.warden.llm.Message;
import dev.warden.llm.Usage;
import java.util.Locale;

/**
 * Counts tokens the way OpenAI's models do: {@code o200k_base} for the GPT-4o, GPT-4.1, GPT-5 and o-series
 * families, {@code cl100k_base} for GPT-4, GPT-3.5 and the embedding models. Other providers' tokenizers are not
 * public or not in Java; their counts use {@code cl100k_base}, which is within roughly ±15 % for English text, and
 * every count made here is marked estimated either way. Chat prompts add OpenAI's per-message framing (3 tokens per
 * message, 3 to prime the answer). Images are counted at a flat 85 tokens (OpenAI's low-detail price), as their
 * real cost depends on the provider.
 */
public final class TokenCounter {
    private static final int PER_MESSAGE = 3;
    private static final int REPLY_PRIMING = 3;
    private static final int IMAGE = 85;

    private final Encoding o200k;
    private final Encoding cl100k;

    private TokenCounter(Encoding o200k, Encoding cl100k) {
        this.o200k = o200k;
        this.cl100k = cl100k;
    }

    /** Loads both encodings (a few hundred milliseconds, once at startup). */
    public static TokenCounter create() {
        var registry = Encodings.newLazyEncodingRegistry();
        return new TokenCounter(registry.getEncoding(EncodingType.O200K_BASE),
                registry.getEncoding(EncodingType.CL100K_BASE));
    }

    Encoding encodingFor(String model) {
        var name = model.toLowerCase(Locale.ROOT);
        int slash = name.lastIndexOf('/');
        if (slash >= 0) {
            name = name.substring(slash + 1);
        }
        if (name.startsWith("gpt-4o") || name.startsWith("gpt-4.1") || name.startsWith("gpt-4.5")
                || name.startsWith("gpt-5") || name.startsWith("chatgpt-4o") || name.matches("o[1-9].*")
                || name.startsWith("gpt-oss")) {
            return o200k;
        }
        return cl100k;
    }

    public long count(String text, String model) {
        return text.isEmpty() ? 0 : encodingFor(model).countTokensOrdinary(text);
    }

    /** The prompt of a chat request: every message's text, tool calls and results, plus tool definitions. */
    public long prompt(ChatRequest request) {
        var encoding = encodingFor(request.model());
        long tokens = REPLY_PRIMING;
        for (var message : request.messages()) {
            tokens += PER_MESSAGE + message(message, encoding);
        }
        for (var tool : request.tools()) {
            tokens += encoding.countTokensOrdinary(tool.name()) + PER_MESSAGE
                    + (tool.description() == null ? 0 : encoding.countTokensOrdinary(tool.description()))
                    + encoding.countTokensOrdinary(tool.parameters().json());
        }
        return tokens;
    }

    public long prompt(CompletionRequest request) {
        var encoding = encodingFor(request.model());
        long tokens = 0;
        for (var prompt : request.prompts()) {
            tokens += encoding.countTokensOrdinary(prompt);
        }
        return tokens;
    }

    private static long message(Message message, Encoding encoding) {
        long tokens = 0;
        for (var part : message.parts()) {
            tokens += switch (part) {
                case ContentPart.Text text -> encoding.countTokensOrdinary(text.text());
                case ContentPart.Image image -> IMAGE;
                case ContentPart.ToolCall call -> encoding.countTokensOrdinary(call.name())
                        + encoding.countTokensOrdinary(call.arguments());
                case ContentPart.ToolResult result -> message(new Message(message.role(), result.content(), null),
                        encoding);
                case ContentPart.Thinking thinking -> encoding.countTokensOrdinary(thinking.text());
            };
        }
        return tokens;
    }

    /** An estimated usage for a prompt and the answer's text. */
    public static Usage estimated(long prompt, long completion) {
        return new Usage(prompt, completion, 0, 0, true);
    }
}
