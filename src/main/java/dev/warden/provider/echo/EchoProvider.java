package dev.warden.provider.echo;

import dev.warden.llm.ChatRequest;
import dev.warden.llm.ChatResponse;
import dev.warden.llm.Choice;
import dev.warden.llm.CompletionRequest;
import dev.warden.llm.CompletionResponse;
import dev.warden.llm.Embedding;
import dev.warden.llm.EmbeddingRequest;
import dev.warden.llm.EmbeddingResponse;
import dev.warden.llm.FinishReason;
import dev.warden.llm.Message;
import dev.warden.llm.Role;
import dev.warden.llm.StreamEvent;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.StreamSink;
import dev.warden.llm.Usage;
import dev.warden.llm.ClientGoneException;
import dev.warden.provider.CallNotes;
import dev.warden.provider.Provider;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** The {@code echo} demo deployment. Deterministic given its clock and id source. */
public final class EchoProvider implements Provider {
    static final String PREFIX = "[warden echo demo] ";
    private static final int EMBEDDING_DIMENSIONS = 16;

    private final String name;
    private final InstantSource clock;
    private final Supplier<String> ids;

    private EchoProvider(String name, InstantSource clock, Supplier<String> ids) {
        this.name = name;
        this.clock = clock;
        this.ids = ids;
    }

    public static EchoProvider create(String name, InstantSource clock, Supplier<String> ids) {
        return new EchoProvider(name, clock, ids);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ChatResponse chat(ChatRequest request, CallNotes notes) {
        notes.upstreamStatus(200);
        var text = answer(request);
        var choices = new ArrayList<Choice>();
        int n = request.sampling().n() == null ? 1 : request.sampling().n();
        for (int i = 0; i < n; i++) {
            choices.add(new Choice(i, Message.text(Role.ASSISTANT, text.text()), text.finish()));
        }
        return new ChatResponse("chatcmpl-" + ids.get(), request.model(), now(), choices,
                usage(promptOf(request), text.text(), n), null);
    }

    @Override
    public StreamOutcome streamChat(ChatRequest request, StreamSink sink, CallNotes notes) {
        notes.upstreamStatus(200);
        var text = answer(request);
        return stream("chatcmpl-", request.model(), text, usage(promptOf(request), text.text(), 1), sink);
    }

    @Override
    public CompletionResponse complete(CompletionRequest request, CallNotes notes) {
        notes.upstreamStatus(200);
        var choices = new ArrayList<CompletionResponse.TextChoice>();
        long completion = 0;
        for (int i = 0; i < request.prompts().size(); i++) {
            var text = truncate(PREFIX + request.prompts().get(i), request.sampling().maxTokens());
            completion += estimateTokens(text.text());
            choices.add(new CompletionResponse.TextChoice(i, text.text(), text.finish()));
        }
        long prompt = request.prompts().stream().mapToLong(EchoProvider::estimateTokens).sum();
        return new CompletionResponse("cmpl-" + ids.get(), request.model(), now(), choices,
                new Usage(prompt, completion, 0, 0, true));
    }

    @Override
    public StreamOutcome streamComplete(CompletionRequest request, StreamSink sink, CallNotes notes) {
        notes.upstreamStatus(200);
        var prompt = request.prompts().isEmpty() ? "" : request.prompts().getFirst();
        var text = truncate(PREFIX + prompt, request.sampling().maxTokens());
        return stream("cmpl-", request.model(), text,
                new Usage(estimateTokens(prompt), estimateTokens(text.text()), 0, 0, true), sink);
    }

    /** Streams an answer word by word, as a model would token by token. */
    private StreamOutcome stream(String idPrefix, String model, Answer text, Usage usage, StreamSink sink) {
        try {
            sink.accept(new StreamEvent.Start(idPrefix + ids.get(), model, now()));
            for (var word : words(text.text())) {
                sink.accept(new StreamEvent.TextDelta(0, word));
            }
            sink.accept(new StreamEvent.Finish(0, text.finish()));
            sink.accept(new StreamEvent.UsageReport(usage, null));
            return new StreamOutcome.Complete(usage);
        } catch (ClientGoneException e) {
            return new StreamOutcome.ClientGone(usage);
        }
    }

    @Override
    public EmbeddingResponse embed(EmbeddingRequest request, CallNotes notes) {
        notes.upstreamStatus(200);
        var data = new ArrayList<Embedding>();
        for (int i = 0; i < request.inputs().size(); i++) {
            data.add(new Embedding(i, pseudoEmbedding(request.inputs().get(i))));
        }
        long tokens = request.inputs().stream().mapToLong(EchoProvider::estimateTokens).sum();
        return new EmbeddingResponse(request.model(), data, new Usage(tokens, 0, 0, 0, true));
    }

    private record Answer(String text, FinishReason finish) {}

    private static Answer answer(ChatRequest request) {
        var last = "";
        for (var message : request.messages()) {
            if (message.role() == Role.USER) {
                last = message.joinedText();
            }
        }
        return truncate(PREFIX + last, request.sampling().maxTokens());
    }

    /** Honours max_tokens the way a real model would: the answer stops early with finish reason length. */
    private static Answer truncate(String text, @Nullable Integer maxTokens) {
        if (maxTokens == null) {
            return new Answer(text, FinishReason.STOP);
        }
        var words = words(text);
        if (words.size() <= maxTokens) {
            return new Answer(text, FinishReason.STOP);
        }
        return new Answer(String.join("", words.subList(0, maxTokens)), FinishReason.LENGTH);
    }

    /** Splits after each space so the pieces concatenate back to the exact text. */
    static List<String> words(String text) {
        var out = new ArrayList<String>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ') {
                out.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }

    private static String promptOf(ChatRequest request) {
        var all = new StringBuilder();
        for (var message : request.messages()) {
            all.append(message.joinedText()).append('\n');
        }
        return all.toString();
    }

    private static Usage usage(String prompt, String completion, int n) {
        return new Usage(estimateTokens(prompt), n * estimateTokens(completion), 0, 0, true);
    }

    /** The usual four-characters-per-token estimate; marked estimated in the usage. */
    static long estimateTokens(String text) {
        return text.isEmpty() ? 0 : Math.max(1, (text.length() + 3) / 4);
    }

    /** A deterministic unit vector derived from the text, so equal inputs embed equally. */
    static float[] pseudoEmbedding(String text) {
        var bytes = text.getBytes(StandardCharsets.UTF_8);
        var vector = new float[EMBEDDING_DIMENSIONS];
        long state = 1125899906842597L;
        for (var b : bytes) {
            state = 31 * state + b;
        }
        double norm = 0;
        for (int i = 0; i < vector.length; i++) {
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            vector[i] = (float) ((state % 2001) / 1000.0);
            norm += vector[i] * vector[i];
        }
        float scale = norm == 0 ? 1 : (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= scale;
        }
        return vector;
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }
}
