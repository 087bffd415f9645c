package dev.warden.provider.anthropic;

import dev.warden.provider.CallNotes;
import dev.warden.provider.UnsupportedParams;
import dev.warden.api.openai.OpenAiCodec;
import dev.warden.llm.ChatRequest;
import dev.warden.llm.StreamOutcome;
import dev.warden.provider.Endpoint;
import dev.warden.provider.Scrubber;
import dev.warden.provider.SseReader;
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
 * The Anthropic provider's translators: the canonical ~2 KB chat request to a Messages API body, and one upstream
 * {@code content_block_delta} SSE event to canonical stream events (the decoder is past message_start and
 * content_block_start, the state every later delta meets).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AnthropicProviderBench {
    private static final String DELTA = "{\"type\":\"content_block_delta\",\"index\":0,"
            + "\"delta\":{\"type\":\"text_delta\",\"text\":\" self-hosted\"}}";

    private ChatRequest request;
    private StreamDecoder decoder;
    private SseReader.Event delta;

    @Setup
    public void setUp(Blackhole blackhole) {
        request = OpenAiCodec.create().decodeChat(Fixtures.chatRequest2k());
        var scrubber = Scrubber.of(new Endpoint("bench", URI.create("https://api.anthropic.com"), "sk-ant-bench",
                Map.of(), Timeouts.DEFAULTS));
        decoder = new StreamDecoder(blackhole::consume, scrubber, false, 1_763_961_600L);
        decoder.accept(new SseReader.Event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":"
                + "\"msg_bench\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"model\":"
                + "\"claude-sonnet-4-5\",\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":25,"
                + "\"output_tokens\":1}}}"));
        decoder.accept(new SseReader.Event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,"
                + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
        delta = new SseReader.Event("content_block_delta", DELTA);
    }

    /** The streaming request (what the stream benchmarks' requests send). */
    @Benchmark
    public RequestWire.Body encodeRequest() {
        return RequestWire.toWire(request, true, 4096, new UnsupportedParams(false, new CallNotes()));
    }

    @Benchmark
    public StreamOutcome decodeChunk() {
        return decoder.accept(delta);
    }
}
