package dev.warden.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The plumbing every fake upstream shares, so each fake is only its provider's rules and answers: a JDK
 * {@link HttpServer} on loopback with an ephemeral port and one virtual thread per request, the script of behaviours
 * a test queued, every request recorded before it is judged, and the counting of streams the client completed or
 * abandoned (what cancellation tests wait for). Fakes compose it rather than extend it so each keeps its exact
 * public API.
 *
 * @param <B> the fake's behaviour type
 */
final class FakeServer<B> implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Answers one recorded request; an {@link IOException} means the client hung up and is ignored. */
    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange, RecordedRequest request) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Handler handler;
    private final boolean rawPaths;
    private final ConcurrentLinkedQueue<B> script = new ConcurrentLinkedQueue<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger streamsAbortedByPeer = new AtomicInteger();
    private final AtomicInteger streamsCompleted = new AtomicInteger();

    private FakeServer(Handler handler, boolean rawPaths) {
        this.handler = handler;
        this.rawPaths = rawPaths;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** A server bound to a free port, recording decoded paths; it serves once {@link #start()}ed. */
    static <B> FakeServer<B> bind(Handler handler) {
        return new FakeServer<>(handler, false);
    }

    /** Like {@link #bind}, but recording paths as sent, still percent-encoded: what a SigV4 check must see. */
    static <B> FakeServer<B> bindKeepingRawPaths(Handler handler) {
        return new FakeServer<>(handler, true);
    }

    /**
     * Starts serving. Separate from binding so a fake can first store this server in its field: starting the
     * dispatcher thread afterwards is what makes that field visible to the request threads its handler runs on.
     */
    void start() {
        server.start();
    }

    /** {@code http://127.0.0.1:port}. */
    URI rootUrl() {
        return URI.create("http://" + host());
    }

    /** {@code 127.0.0.1:port}, the Host a client sends. */
    String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    void enqueue(List<B> behaviours) {
        script.addAll(behaviours);
    }

    /** The next scripted behaviour, or null for the fake's default answer. */
    B nextBehaviour() {
        return script.poll();
    }

    List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    RecordedRequest lastRequest() {
        if (requests.isEmpty()) {
            throw new IllegalStateException("no request received");
        }
        return requests.getLast();
    }

    int streamsAbortedByPeer() {
        return streamsAbortedByPeer.get();
    }

    int streamsCompleted() {
        return streamsCompleted.get();
    }

    /** Polls, because the abort is only noticed when the fake's next write fails; false on timeout. */
    boolean awaitStreamsAbortedByPeer(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (streamsAbortedByPeer.get() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = new HashMap<String, List<String>>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            var uri = exchange.getRequestURI();
            var request = new RecordedRequest(exchange.getRequestMethod(), rawPaths ? uri.getRawPath() : uri.getPath(),
                    uri.getRawQuery() == null ? "" : uri.getRawQuery(), headers, body);
            requests.add(request);
            try {
                handler.handle(exchange, request);
            } catch (IOException peerGone) {
                // the client hung up while we answered; nothing left to do
            }
        }
    }

    /**
     * Sends a 200 streamed body: {@code chunks} each flushed on its own with {@code delayMillis} between them, then
     * {@code tail} (if any) right after the last one. A failed write counts as a stream the peer aborted.
     */
    void stream(HttpExchange exchange, String contentType, List<byte[]> chunks, long delayMillis, byte[] tail)
            throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(200, 0);
        var out = exchange.getResponseBody();
        try {
            for (int i = 0; i < chunks.size(); i++) {
                if (i > 0 && delayMillis > 0) {
                    Thread.sleep(delayMillis);
                }
                out.write(chunks.get(i));
                out.flush();
            }
            if (tail != null) {
                out.write(tail);
                out.flush();
            }
            streamsCompleted.incrementAndGet();
        } catch (IOException peerGone) {
            streamsAbortedByPeer.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stream(HttpExchange exchange, String contentType, List<byte[]> chunks, long delayMillis) throws IOException {
        stream(exchange, contentType, chunks, delayMillis, null);
    }

    /** Each item as UTF-8 between {@code before} and {@code after}: how SSE events and NDJSON lines are framed. */
    static List<byte[]> framed(List<String> items, String before, String after) {
        return items.stream().map(item -> utf8(before + item + after)).toList();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Writes {@code body} verbatim as a 200 streamed body, for malformed-stream tests; unlike {@link #stream} it is
     * not counted, as those tests are about the client's parser, not about who ended the stream.
     */
    static void raw(HttpExchange exchange, String contentType, String body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(200, 0);
        exchange.getResponseBody().write(utf8(body));
    }

    /** Sends a complete body with its length; a null body sends none at all (-1, not an empty chunked one). */
    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        var bytes = utf8(body);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    static void addHeaders(HttpExchange exchange, Map<String, String> headers) {
        headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    }

    /** The body as a JSON object, or null when it is not one; each fake answers that with its API's own error. */
    static JsonNode jsonObject(String body) {
        try {
            var root = JSON.readTree(body);
            return root != null && root.isObject() ? root : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    /**
     * Holds a scripted hang; false when interrupted, which only happens when the server is closing, so the caller
     * should answer nothing.
     */
    static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
