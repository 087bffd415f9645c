package dev.warden.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.RunningGateway;
import dev.warden.testkit.FakeBehaviour;
import dev.warden.testkit.FakeOpenAiUpstream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * When Warden flushes a relayed stream to the client: events the upstream sent together leave together (one chunk,
 * one write, one wake-up of the client), and an event is never held back while Warden waits for the next one.
 * Read with a raw socket, since only the chunked framing shows how the bytes were flushed.
 */
class StreamFlushEndToEndTest {
    private static FakeOpenAiUpstream upstream;
    private static RunningGateway gateway;

    @BeforeAll
    static void start() {
        upstream = FakeOpenAiUpstream.start();
        gateway = RunningGateway.start("""
                access_log: {target: off}
                deployments:
                  - {name: fake, provider: openai-compatible, base_url: "${UPSTREAM}", api_key: "${KEY}"}
                models:
                  - {name: gpt, deployment: fake, model: gpt-4o}
                """, Map.of("UPSTREAM", upstream.baseUrl().toString(), "KEY", upstream.apiKey()));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        upstream.close();
    }

    @Test
    void eventsTheUpstreamSentTogetherReachTheClientInOneChunk() throws IOException {
        var body = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            body.append("data: ").append(chunk("word" + i + " ")).append("\n\n");
        }
        body.append("data: [DONE]\n\n");
        upstream.enqueue(new FakeBehaviour.RawStream(body.toString()));

        var chunks = streamChunks();

        assertThat(String.join("", chunks)).contains("word0", "word5", "data: [DONE]");
        assertThat(chunks).as("chunks of the relayed stream: %s", chunks).hasSize(1);
    }

    @Test
    void anEventIsNotHeldWhileTheUpstreamIsSilent() throws IOException {
        upstream.enqueue(FakeBehaviour.stream(List.of(chunk("first"), chunk("second")), 1_500));
        long start = System.nanoTime();
        try (var socket = post()) {
            var in = socket.getInputStream();
            readHead(in);
            var seen = new StringBuilder();
            while (!seen.toString().contains("first")) {
                seen.append(readChunk(in)); // the role chunk Warden opens an OpenAI stream with comes first
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(seen.toString()).doesNotContain("second");
            assertThat(millis).as("ms until the first event").isLessThan(1_200);
        }
    }

    /** The data chunks of a streamed chat answer, until the terminating empty chunk. */
    private static List<String> streamChunks() throws IOException {
        try (var socket = post()) {
            var in = socket.getInputStream();
            assertThat(readHead(in)).startsWith("HTTP/1.1 200").containsIgnoringCase("transfer-encoding: chunked");
            var chunks = new ArrayList<String>();
            for (var chunk = readChunk(in); !chunk.isEmpty(); chunk = readChunk(in)) {
                chunks.add(chunk);
            }
            return chunks;
        }
    }

    private static Socket post() throws IOException {
        var json = "{\"model\":\"gpt\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        var socket = new Socket("127.0.0.1", gateway.port());
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + RunningGateway.MASTER_KEY + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + json.length() + "\r\nConnection: close\r\n\r\n" + json)
                .getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        return socket;
    }

    private static String readHead(InputStream in) throws IOException {
        var head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            assertThat(b).as("the response head ended early: %s", head).isNotNegative();
            head.append((char) b);
        }
        return head.toString();
    }

    /** One chunk of a chunked body; empty for the last chunk. */
    private static String readChunk(InputStream in) throws IOException {
        var sizeLine = readLine(in);
        int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
        var data = in.readNBytes(size);
        assertThat(data).hasSize(size);
        assertThat(readLine(in)).isEmpty();
        return new String(data, StandardCharsets.UTF_8);
    }

    private static String readLine(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            assertThat(b).as("the stream ended inside a chunk line").isNotNegative();
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    private static String chunk(String content) {
        return "{\"id\":\"chatcmpl-f\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content + "\"},\"logprobs\":null,"
                + "\"finish_reason\":null}]}";
    }
}
