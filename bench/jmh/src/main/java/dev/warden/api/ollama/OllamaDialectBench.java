package dev.warden.api.ollama;

import dev.warden.llm.ChatRequest;
import dev.warden.llm.StreamEvent;
import dev.warden.provider.openaicompat.Fixtures;
import java.io.OutputStream;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The client side of the Ollama dialect: a ~2 KB /api/chat request (the conversation of the providers' 2 KB
 * request) to canonical, and one canonical text delta to the client's NDJSON line.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OllamaDialectBench {
    private OllamaCodec codec;
    private byte[] body;
    private OllamaChatStream stream;
    private StreamEvent.TextDelta delta;

    @Setup
    public void setUp() {
        codec = OllamaCodec.create(InstantSource.system());
        body = Fixtures.ollamaChatRequest2k();
        stream = OllamaChatStream.create(codec, OutputStream.nullOutputStream(), "llama3.2");
        stream.accept(new StreamEvent.Start("chatcmpl-bench", "llama3.2", 1_763_961_600L));
        delta = new StreamEvent.TextDelta(0, " self-hosted");
        stream.accept(delta);
    }

    @Benchmark
    public ChatRequest decodeRequest() {
        return codec.decodeChat(body);
    }

    @Benchmark
    public void encodeChunk() {
        stream.accept(delta);
    }
}
