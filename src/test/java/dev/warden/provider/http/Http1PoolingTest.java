package dev.warden.provider.http;

import static dev.warden.provider.http.Exchanges.failure;
import static dev.warden.provider.http.Exchanges.fetch;
import static dev.warden.provider.http.Exchanges.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * When a connection is kept, reused, retried or closed: keep-alive reuse, {@code Connection: close}, a body closed
 * early, a pooled connection the upstream closed while idle (retried once, and only then), idle expiry and the
 * idle bound; and the failures that are not retried (timeouts, cancellation, refusal).
 */
class Http1PoolingTest {
    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

    @AutoClose
    private Http1Client client = Http1Client.create();
    @AutoClose
    private ScriptedServer server;

    /** Answers every request on a connection with {@link #OK} until the client closes it. */
    private void serveOk() throws IOException {
        server = new ScriptedServer((peer, index) -> {
            while (peer.request() != null) {
                peer.write(OK);
            }
        });
    }

    @Test
    void twoSequentialRequestsShareOneConnectionAndGoOutAsGiven() throws IOException {
        serveOk();
        var post = Exchanges.request("POST", server.uri("/v1/a%3Ab?x=%2F&y=a+b"),
                Map.of("Authorization", "Bearer sk-1", "Content-Length", "999"), "{}");
        assertThat(fetch(client, post)).isEqualTo("ok");
        assertThat(fetch(client, get(server.uri("/second")))).isEqualTo("ok");
        assertThat(server.accepted()).isEqualTo(1);
        assertThat(server.requests().getFirst())
                .startsWith("POST /v1/a%3Ab?x=%2F&y=a+b HTTP/1.1\r\n")
                .contains("\r\nHost: 127.0.0.1:" + server.port() + "\r\n", "\r\nAuthorization: Bearer sk-1\r\n",
                        "\r\nContent-Length: 2\r\n")
                .doesNotContain("Content-Length: 999")
                .endsWith("\r\n\r\n{}");
        assertThat(server.requests().get(1)).startsWith("GET /second HTTP/1.1\r\n")
                .doesNotContain("Content-Length");
    }

    @Test
    void anAnswerSayingConnectionCloseIsNotPooled() throws Exception {
        server = new ScriptedServer((peer, index) -> {
            peer.request();
            peer.write(index == 1 ? "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok" : OK);
            peer.awaitClientClose();
        });
        assertThat(fetch(client, get(server.uri("/a")))).isEqualTo("ok");
        assertThat(server.closedByClient().poll(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(fetch(client, get(server.uri("/b")))).isEqualTo("ok");
        assertThat(server.accepted()).isEqualTo(2);
    }

    @Test
    void aBodyClosedBeforeItsEndClosesTheConnectionAndOneReadToTheEndIsPooled() throws Exception {
        server = new ScriptedServer((peer, index) -> {
            if (index == 1) {
                peer.request();
                peer.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789");
                peer.awaitClientClose();
            } else {
                while (peer.request() != null) {
                    peer.write(OK);
                }
            }
        });
        var response = client.send(get(server.uri("/long")));
        assertThat(response.body().readNBytes(5)).hasSize(5);
        response.close();
        assertThat(server.closedByClient().poll(5, TimeUnit.SECONDS)).isEqualTo(1);
        var origin = Origin.of(server.uri("/"));
        assertThat(client.idleConnections(origin)).isZero();
        var ok = client.send(get(server.uri("/ok")));
        assertThat(ok.body().readAllBytes()).hasSize(2);
        ok.close();
        assertThat(client.idleConnections(origin)).isEqualTo(1);
    }

    @Test
    void aPooledConnectionTheUpstreamClosedWhileIdleIsReplacedOnce() throws Exception {
        var closedIdle = new CountDownLatch(1);
        server = new ScriptedServer((peer, index) -> {
            peer.request();
            peer.write(OK);
            if (index == 1) {
                peer.close();
                closedIdle.countDown();
            } else {
                peer.awaitClientClose();
            }
        });
        assertThat(fetch(client, get(server.uri("/a")))).isEqualTo("ok");
        assertThat(closedIdle.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(50); // the close reaches the client's socket
        assertThat(fetch(client, get(server.uri("/b")))).isEqualTo("ok");
        assertThat(server.accepted()).isEqualTo(2);
    }

    @Test
    void aFreshConnectionThatFailsIsNotRetried() throws IOException {
        server = new ScriptedServer((peer, index) -> peer.request()); // reads, then hangs up without an answer
        assertThat(failure(client, get(server.uri("/a")))).isEqualTo(HttpFailure.Kind.BROKEN);
        assertThat(server.accepted()).isEqualTo(1);
    }

    @Test
    void aPooledConnectionIsNotRetriedOnceBytesOfTheAnswerCame() throws IOException {
        server = new ScriptedServer((peer, index) -> {
            peer.request();
            peer.write(OK);
            peer.request();
            peer.write("HTTP/1.1 200 OK\r\nContent-Le");
        });
        fetch(client, get(server.uri("/a")));
        assertThat(failure(client, get(server.uri("/b")))).isEqualTo(HttpFailure.Kind.BROKEN);
        assertThat(server.accepted()).isEqualTo(1);
    }

    @Test
    void silenceBeforeTheHeadIsAFirstByteTimeoutAndIsNotRetried() throws IOException {
        server = new ScriptedServer((peer, index) -> {
            peer.request();
            peer.write(OK);
            peer.request();
            peer.awaitClientClose();
        });
        fetch(client, get(server.uri("/a")));
        var impatient = new Http1Request("GET", server.uri("/b"), Map.of(), new byte[0], Exchanges.CONNECT,
                Duration.ofMillis(200), Exchanges.BODY);
        assertThat(failure(client, impatient)).isEqualTo(HttpFailure.Kind.FIRST_BYTE_TIMEOUT);
        assertThat(server.accepted()).isEqualTo(1);
    }

    @Test
    void aConnectionBackInThePoolOutlivesTheSilenceLimitOfItsLastExchange() throws Exception {
        serveOk();
        var quick = new Http1Request("GET", server.uri("/a"), Map.of(), new byte[0], Exchanges.CONNECT,
                Duration.ofMillis(100), Duration.ofMillis(100));
        assertThat(fetch(client, quick)).isEqualTo("ok");
        Thread.sleep(400); // several watchdog ticks past both limits
        assertThat(fetch(client, quick)).isEqualTo("ok");
        assertThat(server.accepted()).isEqualTo(1);
    }

    @Test
    void aBodyThatFallsSilentPastItsLimitIsCut() throws IOException {
        server = new ScriptedServer((peer, index) -> {
            peer.request();
            peer.write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nab");
            peer.awaitClientClose();
        });
        var request = new Http1Request("GET", server.uri("/a"), Map.of(), new byte[0], Exchanges.CONNECT,
                Exchanges.FIRST_BYTE, Duration.ofMillis(200));
        long start = System.nanoTime();
        try (var response = client.send(request)) {
            assertThatThrownBy(() -> response.body().readAllBytes()).isInstanceOf(IOException.class);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(200),
                Duration.ofSeconds(2));
    }

    @Test
    void anInterruptedExchangeIsCancelled() throws Exception {
        server = new ScriptedServer((peer, index) -> {
            peer.request();
            peer.awaitClientClose();
        });
        var failure = new AtomicReference<HttpFailure>();
        var caller = Thread.ofVirtual().start(() -> {
            try {
                client.send(get(server.uri("/slow"))).close();
            } catch (HttpFailure e) {
                failure.set(e);
            }
        });
        assertThat(server.requestsArrived(1, 5_000)).isTrue();
        caller.interrupt();
        caller.join(5_000);
        assertThat(failure.get().kind()).isEqualTo(HttpFailure.Kind.CANCELLED);
        assertThat(server.closedByClient().poll(5, TimeUnit.SECONDS)).isEqualTo(1);
    }

    @Test
    void idleConnectionsExpireAndThePoolKeepsAtMostItsBound() throws Exception {
        client.close();
        client = new Http1Client((SSLSocketFactory) SSLSocketFactory.getDefault(), 1, Duration.ofMillis(100));
        serveOk();
        fetch(client, get(server.uri("/a")));
        Thread.sleep(250);
        fetch(client, get(server.uri("/b")));
        assertThat(server.accepted()).as("the expired connection was not used").isEqualTo(2);
        assertThat(server.closedByClient().poll(5, TimeUnit.SECONDS)).isEqualTo(1);

        var first = client.send(get(server.uri("/c")));
        var second = client.send(get(server.uri("/d")));
        Exchanges.body(first);
        Exchanges.body(second);
        assertThat(client.idleConnections(Origin.of(server.uri("/")))).isEqualTo(1);
        assertThat(server.closedByClient().poll(5, TimeUnit.SECONDS)).as("one beyond the bound").isNotNull();
    }

    @Test
    void aRefusedConnectionIsUnreachable() throws IOException {
        serveOk(); // only so that @AutoClose has a server to close
        int port;
        try (var closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        assertThat(failure(client, get(URI.create("http://127.0.0.1:" + port + "/"))))
                .isEqualTo(HttpFailure.Kind.UNREACHABLE);
    }
}
