package dev.warden.api.anthropic;

import dev.warden.llm.ChatRequest;
import dev.warden.llm.StreamEvent;
import dev.warden.provider.openaicompat.Fixtures;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The client side of the Anthropic Messages dialect: a ~2 KB Messages request (the conversation of the providers'
 * 2 KB request) to canonical, and one canonical text delta to the client's {@code content_block_delta} SSE event.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AnthropicDialectBench {
    private AnthropicCodec codec;
    private byte[] body;
    private AnthropicMessageStream stream;
    private StreamEvent.TextDelta delta;

    @Setup
    public void setUp() {
        codec = AnthropicCodec.create();
        body = Fixtures.messagesRequest2k();
        stream = AnthropicMessageStream.create(codec, OutputStream.nullOutputStream());
        stream.accept(new StreamEvent.Start("msg_bench", "claude-sonnet-4-5", 1_763_961_600L));
        delta = new StreamEvent.TextDelta(0, " self-hosted");
        stream.accept(delta); // opens the text block; later deltas are what this measures
    }

    @Benchmark
    public ChatRequest decodeRequest() {
        return codec.decodeMessages(body);
    }

    @Benchmark
    public void encodeChunk() {
        stream.accept(delta);
    }
}
