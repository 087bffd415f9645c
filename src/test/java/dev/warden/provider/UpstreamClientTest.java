package dev.warden.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's connection handling, against a raw-socket HTTP/1.1 server so that connections, request lines and
 * the client going away are seen exactly: pooling after a full read, no pooling (and a closed socket) after an
 * early close, request target and headers verbatim, no redirects, and timeouts.
 */
class UpstreamClientTest {
    private static final Timeouts TIMEOUTS =
            new Timeouts(Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofSeconds(5));

    /** 10,000 bytes: more than one first read, sent in 3,000-byte chunks. */
    private static final String BIG_BODY = "0123456789".repeat(1_000);

    private final AtomicInteger connections = new AtomicInteger();
    private final List<String> requestHeads = new CopyOnWriteArrayList<>();
    private final BlockingQueue<String> peerClosed = new LinkedBlockingQueue<>();
    private ServerSocket server;
    private UpstreamClient client;

    @BeforeEach
    void start() throws IOException {
        server = new ServerSocket(0);
        Thread.ofVirtual().start(this::accept);
        client = UpstreamClient.create();
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.close();
    }

    @Test
    void aFullyReadResponseLeavesItsConnectionForTheNextRequest() {
        for (int i = 0; i < 3; i++) {
            try (var response = client.send(post("/fixed"))) {
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.header("content-type")).contains("application/json");
                assertThat(new String(response.readAll(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
            }
        }
        assertThat(connections).hasValue(1);
    }

    @Test
    void aChunkedBodyLargerThanTheFirstReadIsReadWholeAndItsConnectionReused() {
        for (int i = 0; i < 2; i++) {
            try (var response = client.send(post("/big-chunked"))) {
                assertThat(new String(response.readAll(), StandardCharsets.UTF_8)).isEqualTo(BIG_BODY);
            }
        }
        assertThat(connections).hasValue(1);
    }

    @Test
    void availableCountsWhatTheClientHasReceivedButNotWhatTheUpstreamHasNotSentYet() throws Exception {
        try (var response = client.send(post("/big-chunked"))) {
            var body = response.body();
            assertThat(body.read(new byte[100])).isPositive();
            assertThat(body.available()).as("the other chunks came with the first").isPositive();
            response.readBody();
            assertThat(body.available()).isZero();
        }
        try (var response = client.send(post("/slow-chunks"))) {
            var body = response.body();
            assertThat(body.read(new byte[100])).isEqualTo(1);
            assertThat(body.available()).as("the second chunk is 600 ms away").isZero();
            response.readBody();
        }
    }

    @Test
    void aBodyThatEndsBeforeItsContentLengthIsAFailedExchangeNotAShortAnswer() {
        try (var response = client.send(post("/short"))) {
            assertThatThrownBy(response::readBody).isInstanceOf(IOException.class);
        }
    }

    @Test
    void closingAStreamBeforeItsEndClosesTheConnectionInsteadOfDrainingOrPoolingIt() throws Exception {
        try (var response = client.send(post("/endless"))) {
            assertThat(response.body().read(new byte[64])).isPositive();
        }
        assertThat(peerClosed.poll(5, TimeUnit.SECONDS)).isEqualTo("/endless");
        try (var response = client.send(post("/fixed"))) {
            response.readAll();
        }
        assertThat(connections).hasValue(2);
    }

    @Test
    void aBodyMayPauseLongerThanTheFirstByteTimeoutButNotLongerThanTheIdleTimeout() throws Exception {
        try (var response = client.send(post("/slow-chunks"))) {
            assertThat(new String(response.readAll(), StandardCharsets.UTF_8)).isEqualTo("ab");
            assertThat(response.idleTimedOut()).isFalse();
        }
        var strict = new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMillis(200));
        try (var response = client.send(new UpstreamRequest("POST", uri("/slow-chunks"), Map.of(), new byte[0],
                strict))) {
            assertThatThrownBy(() -> response.body().readAllBytes()).isInstanceOf(IOException.class);
            assertThat(response.idleTimedOut()).isTrue();
        }
    }

    @Test
    void theRequestTargetAndHeadersGoOutAsGivenAndRedirectsAreNotFollowed() {
        var request = new UpstreamRequest("POST", uri("/redirect/a%3Ab?x=%2F&y=a+b"),
                Map.of("Authorization", "Bearer sk-1", "X-Custom", "v"), "{}".getBytes(StandardCharsets.UTF_8),
                TIMEOUTS);
        try (var response = client.send(request)) {
            assertThat(response.status()).isEqualTo(302);
            assertThat(response.header("Location")).contains("/fixed");
            response.readAll();
        }
        assertThat(requestHeads).hasSize(1);
        assertThat(requestHeads.getFirst()).startsWith("POST /redirect/a%3Ab?x=%2F&y=a+b HTTP/1.1\r\n")
                .contains("\r\nAuthorization: Bearer sk-1\r\n", "\r\nX-Custom: v\r\n");
    }

    @Test
    void silenceBeforeTheHeadersIsAFirstByteTimeout() {
        assertThatThrownBy(() -> client.send(post("/silent")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error())
                        .isEqualTo(new ApiError.UpstreamTimeout("The upstream provider did not answer within 0 s.")));
    }

    @Test
    void aRefusedConnectionIsUnreachableWithoutNamingTheHost() throws IOException {
        int port;
        try (var closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        var request = UpstreamRequest.postJson(URI.create("http://127.0.0.1:" + port + "/x"), Map.of(),
                new byte[0], TIMEOUTS);
        assertThatThrownBy(() -> client.send(request))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(
                        new ApiError.Upstream(502, "Could not connect to the upstream provider.", "upstream_error",
                                null, "upstream_unreachable", null)));
    }

    private UpstreamRequest post(String path) {
        return UpstreamRequest.postJson(uri(path), Map.of("Content-Type", "application/json"),
                "{}".getBytes(StandardCharsets.UTF_8), TIMEOUTS);
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + pathAndQuery);
    }

    private void accept() {
        try {
            while (true) {
                var socket = server.accept();
                connections.incrementAndGet();
                Thread.ofVirtual().start(() -> serve(socket));
            }
        } catch (IOException closed) {
            // The test is over.
        }
    }

    /** Serves requests on one connection until the client closes it; records what it saw. */
    private void serve(Socket socket) {
        String path = null;
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                requestHeads.add(head);
                path = head.split(" ")[1];
                in.readNBytes(contentLength(head));
                switch (path.replaceAll("\\?.*", "")) {
                    case "/fixed" -> out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 11\r\n\r\n{\"ok\":true}").getBytes(StandardCharsets.US_ASCII));
                    case "/endless" -> {
                        out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(
                                StandardCharsets.US_ASCII));
                        while (true) {
                            out.write("6\r\ndata: \r\n".getBytes(StandardCharsets.US_ASCII));
                            out.flush();
                            Thread.sleep(20);
                        }
                    }
                    case "/slow-chunks" -> {
                        out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n".getBytes(
                                StandardCharsets.US_ASCII));
                        out.flush();
                        Thread.sleep(600);
                        out.write("1\r\nb\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    case "/big-chunked" -> {
                        // One write, so the client receives the chunks together.
                        var whole = new StringBuilder("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
                        for (int from = 0; from < BIG_BODY.length(); from += 3_000) {
                            var chunk = BIG_BODY.substring(from, Math.min(BIG_BODY.length(), from + 3_000));
                            whole.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk)
                                    .append("\r\n");
                        }
                        out.write(whole.append("0\r\n\r\n").toString().getBytes(StandardCharsets.US_ASCII));
                    }
                    case "/short" -> {
                        out.write("HTTP/1.1 200 OK\r\nContent-Length: 20\r\n\r\n{\"ok\"".getBytes(
                                StandardCharsets.US_ASCII));
                        out.flush();
                        return;
                    }
                    case "/silent" -> Thread.sleep(5_000);
                    default -> out.write("HTTP/1.1 302 Found\r\nLocation: /fixed\r\nContent-Length: 0\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            if (path != null) {
                peerClosed.add(path);
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        var head = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            head.append((char) b);
            if (head.toString().endsWith("\r\n\r\n")) {
                return head.toString();
            }
        }
        return null;
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring(15).trim());
            }
        }
        return 0;
    }
}
