package dev.warden.provider.ollama;

import dev.warden.provider.UnsupportedParams;
import dev.warden.api.openai.OpenAiCodec;
import dev.warden.llm.ChatRequest;
import dev.warden.llm.StreamOutcome;
import dev.warden.provider.CallNotes;
import dev.warden.provider.Endpoint;
import dev.warden.provider.Scrubber;
import dev.warden.provider.Timeouts;
import dev.warden.provider.openaicompat.Fixtures;
import java.net.URI;
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
 * The Ollama provider's translators: the canonical ~2 KB chat request to an /api/chat body, and one NDJSON line of
 * the upstream's stream to canonical events.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OllamaProviderBench {
    private static final String LINE = "{\"model\":\"llama3.2\",\"created_at\":\"2025-11-24T08:52:19.405406455Z\","
            + "\"message\":{\"role\":\"assistant\",\"content\":\" self-hosted\"},\"done\":false}";

    private ChatRequest request;
    private StreamDecoder decoder;

    @Setup
    public void setUp(Blackhole blackhole) {
        request = OpenAiCodec.create().decodeChat(Fixtures.chatRequest2k());
        var scrubber = Scrubber.of(new Endpoint("bench", URI.create("http://127.0.0.1:11434"), null, Map.of(),
                Timeouts.DEFAULTS));
        int[] next = {0};
        decoder = new StreamDecoder(blackhole::consume, scrubber, () -> "id-" + ++next[0],
                StreamDecoder.Endpoint.CHAT, 1_763_961_600L);
        decoder.accept(LINE); // the first line also emits Start; later ones are what this measures
    }

    @Benchmark
    public byte[] encodeRequest() {
        return ChatRequestWire.toWire(request, true, OllamaSettings.DEFAULTS, new UnsupportedParams(false, new CallNotes()));
    }

    @Benchmark
    public StreamOutcome decodeChunk() {
        return decoder.accept(LINE);
    }
}
