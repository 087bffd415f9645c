package dev.warden.provider.openaicompat;

import dev.warden.api.openai.OpenAiCodec;
import dev.warden.llm.ChatRequest;
import dev.warden.llm.ChatResponse;
import dev.warden.provider.CallNotes;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The upstream side of an OpenAI-compatible call: canonical request to upstream JSON, upstream answer back. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OpenAiCompatBench {
    private ChatRequest small;
    private ChatRequest full;
    private ChatRequest twoK;
    private byte[] completion;

    @Setup
    public void setUp() {
        var codec = OpenAiCodec.create();
        small = codec.decodeChat(Fixtures.chatRequestSmall());
        full = codec.decodeChat(Fixtures.chatRequestFull());
        twoK = codec.decodeChat(Fixtures.chatRequest2k());
        completion = Fixtures.upstreamCompletion();
    }

    @Benchmark
    public byte[] encodeUpstreamRequestSmall() {
        return ChatRequestWire.toWire(small, false, Dialects.GENERIC, new CallNotes());
    }

    @Benchmark
    public byte[] encodeUpstreamRequestFull() {
        return ChatRequestWire.toWire(full, false, Dialects.GENERIC, new CallNotes());
    }

    /** The 2.2 KB request the other providers' benchmarks translate too (streaming, as they do). */
    @Benchmark
    public byte[] encodeUpstreamRequest2kStream() {
        return ChatRequestWire.toWire(twoK, true, Dialects.GENERIC, new CallNotes());
    }

    /** The streaming variant adds stream_options.include_usage, which Warden always asks for. */
    @Benchmark
    public byte[] encodeUpstreamRequestSmallStream() {
        return ChatRequestWire.toWire(small, true, Dialects.GENERIC, new CallNotes());
    }

    @Benchmark
    public ChatResponse decodeUpstreamResponse() throws IOException {
        return ChatResponseWire.fromWire(completion);
    }
}
