package dev.warden.provider.bedrock;

import dev.warden.provider.CallNotes;
import dev.warden.provider.UnsupportedParams;
import dev.warden.api.openai.OpenAiCodec;
import dev.warden.llm.ChatRequest;
import dev.warden.llm.StreamOutcome;
import dev.warden.provider.Endpoint;
import dev.warden.provider.Scrubber;
import dev.warden.provider.Timeouts;
import dev.warden.provider.openaicompat.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
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
 * The Bedrock provider's translators: the canonical ~2 KB chat request to a Converse body, and one binary
 * eventstream frame ({@code contentBlockDelta} with a text delta, 158 bytes) read by {@link EventStreamReader}
 * (prelude and message CRC32 checks, headers) and decoded by {@link ConverseStreamDecoder}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BedrockProviderBench {
    private ChatRequest request;
    private ConverseStreamDecoder decoder;
    private byte[] frame;

    @Setup
    public void setUp(Blackhole blackhole) throws IOException {
        request = OpenAiCodec.create().decodeChat(Fixtures.chatRequest2k());
        var scrubber = Scrubber.of(new Endpoint("bench", URI.create("https://bedrock-runtime.eu-west-3.amazonaws.com"),
                null, Map.of(), Timeouts.DEFAULTS));
        decoder = new ConverseStreamDecoder(blackhole::consume, scrubber, "req-bench", "anthropic.claude", 1L, null);
        decoder.accept(read(event("messageStart", "{\"role\":\"assistant\"}")));
        frame = event("contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\" self-hosted\"}}");
    }

    @Benchmark
    public ConverseRequestWire.ConverseCall encodeRequest() {
        return ConverseRequestWire.toWire(request, 4096, new UnsupportedParams(false, new CallNotes()));
    }

    /** Frame bytes to canonical events: reader (both CRCs, headers map, payload copy), then the JSON decode. */
    @Benchmark
    public StreamOutcome decodeChunk() throws IOException {
        return decoder.accept(read(frame));
    }

    /** The framing alone. */
    @Benchmark
    public EventFrame readFrame() throws IOException {
        return read(frame);
    }

    private static EventFrame read(byte[] bytes) throws IOException {
        return new EventStreamReader(new ByteArrayInputStream(bytes)).next();
    }

    /** One ConverseStream event frame, string headers only (as Bedrock sends), as src/test's encoder builds it. */
    private static byte[] event(String eventType, String json) {
        var headers = new LinkedHashMap<String, String>();
        headers.put(":event-type", eventType);
        headers.put(":content-type", "application/json");
        headers.put(":message-type", "event");
        var head = new java.io.ByteArrayOutputStream();
        headers.forEach((name, value) -> {
            var n = name.getBytes(StandardCharsets.UTF_8);
            var v = value.getBytes(StandardCharsets.UTF_8);
            head.write(n.length);
            head.writeBytes(n);
            head.write(7);
            head.write(v.length >>> 8);
            head.write(v.length & 0xff);
            head.writeBytes(v);
        });
        var headerBytes = head.toByteArray();
        var payload = json.getBytes(StandardCharsets.UTF_8);
        int total = 12 + headerBytes.length + payload.length + 4;
        var out = ByteBuffer.allocate(total);
        out.putInt(total).putInt(headerBytes.length);
        out.putInt((int) crc(out.array(), 8));
        out.put(headerBytes).put(payload);
        out.putInt((int) crc(out.array(), total - 4));
        return out.array();
    }

    private static long crc(byte[] bytes, int length) {
        var crc = new CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }
}
