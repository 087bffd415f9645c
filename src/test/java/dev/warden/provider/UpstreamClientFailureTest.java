package dev.warden.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How the client's failures reach providers: a broken answer (an oversized head, broken chunk framing) is a 502
 * {@code upstream_io_error}, and an interrupted call is a 503 — in the client's error shape, naming no host.
 */
class UpstreamClientFailureTest {
    private static final Timeouts TIMEOUTS =
            new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(5));
    private static final ApiError IO_ERROR = new ApiError.Upstream(502,
            "The connection to the upstream provider failed.", "upstream_error", null, "upstream_io_error", null);

    private final UpstreamClient client = UpstreamClient.create();
    private final CountDownLatch requested = new CountDownLatch(1);
    private ServerSocket server;

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.close();
    }

    /** Answers the first request on each connection with {@code answer} (null: never answers). */
    private void serve(String answer) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    var socket = server.accept();
                    Thread.ofVirtual().start(() -> {
                        try (socket; InputStream in = socket.getInputStream()) {
                            in.readNBytes(in.available() > 0 ? in.available() : 1);
                            requested.countDown();
                            if (answer != null) {
                                socket.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
                            }
                            while (in.read() >= 0) {
                                // Until the client goes.
                            }
                        } catch (IOException e) {
                            // The client went.
                        }
                    });
                }
            } catch (IOException closed) {
                // The test is over.
            }
        });
    }

    private UpstreamRequest request() {
        return UpstreamRequest.postJson(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/v1/chat"),
                Map.of(), "{}".getBytes(StandardCharsets.UTF_8), TIMEOUTS);
    }

    @Test
    void anOversizedHeadIsAnIoError() throws IOException {
        serve("HTTP/1.1 200 OK\r\n" + "X-Filler: 0123456789\r\n".repeat(3_500) + "Content-Length: 0\r\n\r\n");
        assertThatThrownBy(() -> client.send(request()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(IO_ERROR));
    }

    @Test
    void aChunkSizeThatIsNotHexIsAnIoError() throws IOException {
        serve("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");
        assertThatThrownBy(() -> {
            try (var response = client.send(request())) {
                response.readBody();
            }
        }).satisfiesAnyOf(
                e -> assertThat(e).isInstanceOfSatisfying(ApiException.class,
                        api -> assertThat(api.error()).isEqualTo(IO_ERROR)),
                e -> assertThat(e).as("when the framing came after the head").isInstanceOf(IOException.class));
    }

    @Test
    void anInterruptedCallIsCancelled() throws Exception {
        serve(null);
        var failure = new AtomicReference<Throwable>();
        var caller = Thread.ofVirtual().start(() -> {
            try {
                client.send(request()).close();
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        assertThat(requested.await(5, TimeUnit.SECONDS)).isTrue();
        caller.interrupt();
        caller.join(5_000);
        assertThat(failure.get()).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error())
                .isEqualTo(new ApiError.Unavailable("The request was cancelled.")));
    }
}
