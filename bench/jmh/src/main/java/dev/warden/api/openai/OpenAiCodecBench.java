package dev.warden.api.openai;

import dev.warden.llm.ChatRequest;
import dev.warden.llm.ChatResponse;
import dev.warden.provider.openaicompat.Fixtures;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The client side of the OpenAI dialect, through the public front type only: request decode, response encode. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OpenAiCodecBench {
    private OpenAiCodec codec;
    private byte[] small;
    private byte[] full;
    private byte[] twoK;
    private ChatResponse response;

    @Setup
    public void setUp() {
        codec = OpenAiCodec.create();
        small = Fixtures.chatRequestSmall();
        full = Fixtures.chatRequestFull();
        twoK = Fixtures.chatRequest2k();
        response = Fixtures.chatResponse();
    }

    /** The ~0.9 KB body of the load test (system + user message, sampling, metadata pass-through). */
    @Benchmark
    public ChatRequest decodeChatRequestSmall() {
        return codec.decodeChat(small);
    }

    /** The ~3 KB unit-test fixture: tools, image parts, response_format, every sampling parameter. */
    @Benchmark
    public ChatRequest decodeChatRequestFull() {
        return codec.decodeChat(full);
    }

    /** The 2.2 KB request the per-provider benchmarks translate (system, multi-turn with tool calls, 2 tools). */
    @Benchmark
    public ChatRequest decodeChatRequest2k() {
        return codec.decodeChat(twoK);
    }

    /** The fake upstream's answer (~200 chars of text, usage details) as the client gets it. */
    @Benchmark
    public byte[] encodeChatResponse() {
        return codec.encodeChat(response);
    }
}
