package dev.warden.provider.gemini;

import dev.warden.api.openai.OpenAiCodec;
import dev.warden.llm.ChatRequest;
import dev.warden.llm.StreamOutcome;
import dev.warden.provider.CallNotes;
import dev.warden.provider.Endpoint;
import dev.warden.provider.Scrubber;
import dev.warden.provider.SseReader;
import dev.warden.provider.Timeouts;
import dev.warden.provider.openaicompat.Fixtures;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The Gemini provider's translators: the canonical ~2 KB chat request to a generateContent body, and one
 * {@code streamGenerateContent?alt=sse} chunk (one candidate with a text part, usageMetadata) to canonical events.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GeminiProviderBench {
    private static final String CHUNK = "{\"candidates\": [{\"content\": {\"parts\": [{\"text\": \" self-hosted\"}],"
            + "\"role\": \"model\"},\"index\": 0}],\"usageMetadata\": {\"promptTokenCount\": 9,"
            + "\"candidatesTokenCount\": 2,\"totalTokenCount\": 11},\"modelVersion\": \"gemini-2.5-flash\","
            + "\"responseId\": \"resp-bench\"}";

    private ChatRequest request;
    private StreamDecoder decoder;
    private SseReader.Event chunk;

    @Setup
    public void setUp(Blackhole blackhole) {
        request = OpenAiCodec.create().decodeChat(Fixtures.chatRequest2k());
        var scrubber = Scrubber.of(new Endpoint("bench", URI.create("https://generativelanguage.googleapis.com"),
                "AIzaBench", Map.of(), Timeouts.DEFAULTS));
        int[] next = {0};
        decoder = new StreamDecoder(blackhole::consume, scrubber, () -> "call_" + ++next[0], "gemini-2.5-flash",
                Instant.parse("2025-11-24T00:00:00Z"));
        chunk = new SseReader.Event(null, CHUNK);
        decoder.accept(chunk); // the first chunk also emits Start; later ones are what this measures
    }

    @Benchmark
    public byte[] encodeRequest() {
        return ChatRequestWire.toWire(request, GeminiSettings.Flavor.GENERATIVE_LANGUAGE,
                new Unsupported(false, new CallNotes()));
    }

    @Benchmark
    public StreamOutcome decodeChunk() {
        return decoder.accept(chunk);
    }
}
