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
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Counts tokens the way OpenAI's models do: {@code o200k_base} for the GPT-4o, GPT-4.1, GPT-5 and o-series
 * families, {@code cl100k_base} for GPT-4, GPT-3.5 and the embedding models. Other providers' tokenizers are not
 * public or not in Java; their counts use {@code cl100k_base}, which is within roughly ±15 % for English text, and
 * every count made here is marked estimated either way. Chat prompts add OpenAI's per-message framing (3 tokens per
 * message, 3 to prime the answer). Images are counted at a flat 85 tokens (OpenAI's low-detail price), as their
 * real cost depends on the provider.
 *
 * <p>Each encoding is loaded on its first use, not at startup: one holds ~200,000 byte sequences, some 40 MB of heap,
 * and most calls never need it, since upstreams report their own usage. The first count with an encoding takes a
 * few hundred milliseconds once.
 */
public final class TokenCounter {
    private static final int PER_MESSAGE = 3;
    private static final int REPLY_PRIMING = 3;
    private static final int IMAGE = 85;

    private final ReentrantLock loading = new ReentrantLock();
    private volatile @Nullable Encoding o200k;
    private volatile @Nullable Encoding cl100k;

    private TokenCounter() {}

    /** A counter that loads each encoding when it first needs it. */
    public static TokenCounter create() {
        return new TokenCounter();
    }

    private Encoding o200k() {
        var loaded = o200k;
        if (loaded == null) {
            loaded = load(EncodingType.O200K_BASE);
            o200k = loaded;
        }
        return loaded;
    }

    private Encoding cl100k() {
        var loaded = cl100k;
        if (loaded == null) {
            loaded = load(EncodingType.CL100K_BASE);
            cl100k = loaded;
        }
        return loaded;
    }

    /** One load per encoding even when many calls need it at once: the others wait for it. */
    private Encoding load(EncodingType type) {
        loading.lock();
        try {
            var ready = type == EncodingType.O200K_BASE ? o200k : cl100k;
            return ready != null ? ready : Encodings.newLazyEncodingRegistry().getEncoding(type);
        } finally {
            loading.unlock();
        }
    }

    /** Whether an encoding has been loaded; for tests of the lazy loading. */
    boolean loaded() {
        return o200k != null || cl100k != null;
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
            return o200k();
        }
        return cl100k();
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
