package dev.warden.provider.openaicompat;

import dev.warden.llm.ChatResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Benchmark inputs, loaded from the class path (bench/jmh/pom.xml copies them in from the unit-test fixtures and
 * bench/nginx). Public so the api.openai benchmarks can get a realistic {@link ChatResponse}: the one Warden builds
 * from the fake upstream's answer, through the package-private translator.
 */
public final class Fixtures {
    private Fixtures() {}

    /** The ~3 KB request with tools, images and every sampling parameter (unit-test fixture). */
    public static byte[] chatRequestFull() {
        return bytes("chat_request_full.json");
    }

    /**
     * The "typical ~2 KB chat request" the per-provider translation benchmarks share: system prompt, a multi-turn
     * conversation with two tool calls and their results, two tools, temperature/top_p/max tokens (2.2 KB).
     */
    public static byte[] chatRequest2k() {
        return bytes("chat_request_2k.json");
    }

    /** The same conversation as {@link #chatRequest2k()}, as an Anthropic Messages client sends it (2.2 KB). */
    public static byte[] messagesRequest2k() {
        return bytes("messages_request_2k.json");
    }

    /** The same conversation as {@link #chatRequest2k()}, as an Ollama /api/chat client sends it (2.1 KB). */
    public static byte[] ollamaChatRequest2k() {
        return bytes("ollama_chat_request_2k.json");
    }

    /** The ~0.9 KB request bench/wrk/post.lua sends. */
    public static byte[] chatRequestSmall() {
        return bytes("chat_request_small.json");
    }

    /** The fake upstream's chat.completion (bench/nginx). */
    public static byte[] upstreamCompletion() {
        return bytes("fixed-completion.json");
    }

    /** The fake upstream's whole SSE stream: 10 content chunks, a usage chunk, [DONE] (bench/nginx). */
    public static byte[] upstreamStream() {
        return bytes("fixed-stream.sse");
    }

    public static ChatResponse chatResponse() {
        try {
            return ChatResponseWire.fromWire(upstreamCompletion());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/bench/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing benchmark fixture /bench/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
