package dev.warden.provider.openaicompat;

import dev.warden.api.openai.OpenAiChatStream;
import dev.warden.api.openai.OpenAiCodec;
import dev.warden.llm.StreamEvent;
import dev.warden.llm.StreamOutcome;
import dev.warden.provider.Endpoint;
import dev.warden.provider.Scrubber;
import dev.warden.provider.SseReader;
import dev.warden.provider.Timeouts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
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
 * One streamed chunk through Warden: the upstream's {@code chat.completion.chunk} decoded by the openaicompat
 * {@link StreamDecoder}, re-encoded for the client by {@link OpenAiChatStream} (writing to a null stream), and a
 * whole fixed stream (11 events + [DONE]) through {@link SseReader} as well: the per-request streaming cost.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StreamChunkBench {
    private static final String CHUNK = "{\"id\":\"chatcmpl-bench0000000000000000000001\",\"object\":"
            + "\"chat.completion.chunk\",\"created\":1763961600,\"model\":\"gpt-4o-mini-2024-07-18\","
            + "\"service_tier\":\"default\",\"system_fingerprint\":\"fp_bench00001\",\"choices\":[{\"index\":0,"
            + "\"delta\":{\"content\":\" self-hosted\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}";

    private OpenAiCodec codec;
    private Scrubber scrubber;
    private SseReader.Event event;
    private StreamEvent.TextDelta delta;
    private byte[] wholeStream;
    private StreamDecoder toBlackhole;
    private StreamDecoder toClient;
    private OpenAiChatStream clientStream;

    @Setup
    public void setUp(Blackhole blackhole) {
        codec = OpenAiCodec.create();
        scrubber = Scrubber.of(new Endpoint("bench", URI.create("http://127.0.0.1:18082/v1"), null, Map.of(),
                Timeouts.DEFAULTS));
        event = new SseReader.Event(null, CHUNK);
        delta = new StreamEvent.TextDelta(0, " self-hosted");
        wholeStream = Fixtures.upstreamStream();
        // Long-lived decoders: after the first chunk they stay in STREAMING, the state every later chunk meets.
        toBlackhole = new StreamDecoder(blackhole::consume, scrubber);
        toBlackhole.accept(event);
        clientStream = OpenAiChatStream.create(codec, OutputStream.nullOutputStream(), true);
        toClient = new StreamDecoder(clientStream, scrubber);
        toClient.accept(event);
    }

    /** Upstream chunk JSON to canonical events (Jackson tree + field reads). */
    @Benchmark
    public Object decodeChunk() {
        return toBlackhole.accept(event);
    }

    /** One canonical text delta to the client's SSE bytes (Jackson generator, "data: ...\n\n", flush). */
    @Benchmark
    public void encodeChunk() {
        clientStream.accept(delta);
    }

    /** Both: what Warden does per relayed chunk, minus the socket. */
    @Benchmark
    public Object decodeAndEncodeChunk() {
        return toClient.accept(event);
    }

    /** The whole fixed upstream stream (3.6 KB) read, decoded and re-encoded: the per-request streaming cost. */
    @Benchmark
    public StreamOutcome wholeStream() throws IOException {
        var out = OpenAiChatStream.create(codec, OutputStream.nullOutputStream(), true);
        var reader = new SseReader(new ByteArrayInputStream(wholeStream));
        var decoder = new StreamDecoder(out, scrubber);
        for (var e = reader.next(); e != null; e = reader.next()) {
            var outcome = decoder.accept(e);
            if (outcome != null) {
                out.finish(outcome);
                return outcome;
            }
        }
        throw new IllegalStateException("fixture stream has no [DONE]");
    }
}
