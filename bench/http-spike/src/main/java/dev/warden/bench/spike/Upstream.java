package dev.warden.bench.spike;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * The part both spike servers share: the gateway's "JSON work" (parse to a tree and re-serialize)
 * and one shared JDK HttpClient (HTTP/1.1, virtual-thread executor) to the upstream.
 */
public final class Upstream {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI chatUri;

    public Upstream(String baseUrl) {
        String b = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.chatUri = URI.create(b + "/v1/chat/completions");
    }

    /** Parse the client body as a tree and write it back out: models the gateway touching the request. */
    public static byte[] transform(byte[] body) throws IOException {
        JsonNode node = MAPPER.readTree(body);
        return MAPPER.writeValueAsBytes(node);
    }

    /** Forward the (transformed) body; the caller owns and must close the returned stream. */
    public HttpResponse<InputStream> post(byte[] body, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder rb = HttpRequest.newBuilder(chatUri)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            rb.header("Authorization", authorization);
        }
        return client.send(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    public static String contentType(HttpResponse<?> r) {
        return r.headers().firstValue("content-type").orElse("application/octet-stream");
    }

    public static boolean isEventStream(String contentType) {
        return contentType.regionMatches(true, 0, "text/event-stream", 0, 17);
    }

    /** Where relayed SSE bytes go; flush() must push everything written so far to the client socket. */
    public interface Sink {
        void write(byte[] b, int off, int len) throws IOException;

        void flush() throws IOException;
    }

    /**
     * Relay an SSE body, flushing at every event boundary (a blank line, "\n\n" or "\r\n\r\n").
     * Bytes after the last boundary of a read are carried over and written with the next event.
     */
    public static void relaySse(InputStream in, Sink sink) throws IOException {
        byte[] buf = new byte[8192];
        int start = 0;   // first byte not yet written
        int end = 0;     // bytes valid in buf
        int n;
        while ((n = in.read(buf, end, buf.length - end)) != -1) {
            int scanFrom = Math.max(start, end - 3);
            end += n;
            int lastBoundary = -1;
            for (int i = scanFrom; i < end - 1; i++) {
                if (buf[i] == '\n' && (buf[i + 1] == '\n'
                        || (buf[i + 1] == '\r' && i + 2 < end && buf[i + 2] == '\n'))) {
                    int stop = buf[i + 1] == '\n' ? i + 2 : i + 3;
                    sink.write(buf, start, stop - start);
                    sink.flush();
                    start = stop;
                    lastBoundary = stop;
                    i = stop - 1;
                }
            }
            if (start == end) {
                start = end = 0;
            } else if (end == buf.length) {
                if (start > 0) { // compact the partial event to the front
                    System.arraycopy(buf, start, buf, 0, end - start);
                    end -= start;
                    start = 0;
                } else {          // one event larger than the buffer: pass it through as is
                    sink.write(buf, 0, end);
                    start = end = 0;
                }
            }
        }
        if (end > start) {
            sink.write(buf, start, end - start);
        }
        sink.flush();
    }
}
