package dev.warden.provider.http;

import static dev.warden.provider.http.Exchanges.body;
import static dev.warden.provider.http.Exchanges.failure;
import static dev.warden.provider.http.Exchanges.fetch;
import static dev.warden.provider.http.Exchanges.get;
import static dev.warden.provider.http.Exchanges.path;
import static dev.warden.provider.http.Exchanges.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * How answers are framed and parsed: Content-Length, chunked (extensions, trailers, any split across reads, broken
 * framing), read-to-close, answers without a body, interim 1xx answers, and heads that must be refused. Where the
 * framing matters for the next exchange, the next answer comes on the same connection.
 */
class Http1FramingTest {
    /** Answers by path, on one connection for as long as the client keeps it. */
    private static final Map<String, String> ANSWERS = Map.ofEntries(
            Map.entry("/length", "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Twice: first\r\n"
                    + "x-twice: second\r\nContent-Length: 5\r\n\r\nhello"),
            Map.entry("/ok", "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"),
            Map.entry("/204", "HTTP/1.1 204 No Content\r\n\r\n"),
            Map.entry("/304", "HTTP/1.1 304 Not Modified\r\nContent-Length: 50\r\n\r\n"),
            Map.entry("/head", "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n"),
            Map.entry("/interim", "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
                    + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"),
            Map.entry("/no-reason", "HTTP/1.1 200\r\nContent-Length: 2\r\n\r\nok"),
            Map.entry("/bad-hex", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n"),
            Map.entry("/hex-then-junk", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5x\r\nhello\r\n0\r\n\r\n"),
            Map.entry("/no-crlf-after-data", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\nhelloX\r\n0\r\n\r\n"),
            Map.entry("/bare-lf-size", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\nhello\r\n0\r\n\r\n"),
            Map.entry("/cut-chunk", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                    + "a\r\nhello"),
            Map.entry("/obs-fold", "HTTP/1.1 200 OK\r\nX-A: a\r\n  folded\r\nContent-Length: 0\r\n\r\n"),
            Map.entry("/bad-status", "HTTP/2 200\r\nContent-Length: 0\r\n\r\n"),
            Map.entry("/bad-length", "HTTP/1.1 200 OK\r\nContent-Length: 5, 5\r\n\r\nhello"),
            Map.entry("/huge-head", "HTTP/1.1 200 OK\r\n" + filler(700) + "Content-Length: 0\r\n\r\n"),
            Map.entry("/large-head", "HTTP/1.1 200 OK\r\n" + filler(600) + "Content-Length: 2\r\n\r\nok"));

    @AutoClose
    private final Http1Client client = Http1Client.create();
    @AutoClose
    private ScriptedServer server;

    private void serveAnswers() throws IOException {
        server = new ScriptedServer((peer, index) -> {
            for (String request = peer.request(); request != null; request = peer.request()) {
                String answer = ANSWERS.get(path(request));
                peer.write(answer);
                if (answer.contains("Connection: close") || path(request).startsWith("/bad")) {
                    return;
                }
            }
        });
    }

    @Test
    void aContentLengthBodyIsReadExactlyAndHeaderNamesIgnoreCase() throws IOException {
        serveAnswers();
        var response = client.send(get(server.uri("/length")));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentLength()).isEqualTo(5);
        assertThat(response.header("CONTENT-TYPE")).contains("text/plain");
        assertThat(response.header("X-TWICE")).as("the first value").contains("first");
        assertThat(response.header("X-Missing")).isEmpty();
        assertThat(body(response)).isEqualTo("hello");
        assertThat(fetch(client, get(server.uri("/ok")))).isEqualTo("ok");
        assertThat(server.accepted()).isEqualTo(1);
    }

    @Test
    void aChunkedBodyIsDecodedWhateverTheSplitAcrossReadsWithExtensionsAndTrailersDropped() throws IOException {
        String answer = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;name=value\r\nhello\r\n"
                + "6 ; a=\"b\"\r\n world\r\nA\r\n0123456789\r\n0\r\nX-Trailer: t\r\nX-Other: u\r\n\r\n";
        server = new ScriptedServer((peer, index) -> {
            peer.request();
            peer.noDelay();
            for (int i = 0; i < answer.length(); i++) {
                peer.write(answer.substring(i, i + 1)); // every byte its own segment: every split is tried
                Thread.sleep(1);
            }
            peer.request();
            peer.write(ANSWERS.get("/ok"));
            peer.awaitClientClose();
        });
        var response = client.send(get(server.uri("/chunked")));
        assertThat(response.contentLength()).isEqualTo(-1);
        assertThat(body(response)).isEqualTo("hello world0123456789");
        assertThat(response.header("X-Trailer")).as("trailers are dropped, not merged").isEmpty();
        assertThat(fetch(client, get(server.uri("/ok")))).as("the next answer on the same connection").isEqualTo("ok");
        assertThat(server.accepted()).isEqualTo(1);
    }

    @Test
    void brokenChunkFramingFailsTheExchange() throws IOException {
        serveAnswers();
        for (String path : new String[] {"/bad-hex", "/hex-then-junk", "/no-crlf-after-data", "/bare-lf-size",
                "/cut-chunk"}) {
            assertThatThrownBy(() -> fetch(client, get(server.uri(path)))).as(path).isInstanceOf(IOException.class);
        }
    }

    @Test
    void aBodyWithoutFramingRunsToTheConnectionsEndAndTheConnectionIsNotKept() throws IOException {
        server = new ScriptedServer((peer, index) -> {
            peer.request();
            peer.write(index == 1 ? "HTTP/1.1 200 OK\r\n\r\nuntil " : ANSWERS.get("/ok"));
            if (index == 1) {
                Thread.sleep(50);
                peer.write("the end");
                peer.close();
            } else {
                peer.awaitClientClose();
            }
        });
        var response = client.send(get(server.uri("/to-close")));
        assertThat(response.contentLength()).isEqualTo(-1);
        assertThat(body(response)).isEqualTo("until the end");
        assertThat(fetch(client, get(server.uri("/ok")))).isEqualTo("ok");
        assertThat(server.accepted()).isEqualTo(2);
    }

    @Test
    void headAnswersAnd204And304HaveNoBodyWhateverTheirHeadersSay() throws IOException {
        serveAnswers();
        for (var request : new Http1Request[] {request("HEAD", server.uri("/head"), Map.of(), ""),
                get(server.uri("/204")), get(server.uri("/304"))}) {
            var response = client.send(request);
            assertThat(response.contentLength()).isZero();
            assertThat(body(response)).isEmpty();
        }
        assertThat(fetch(client, get(server.uri("/ok")))).isEqualTo("ok");
        assertThat(server.accepted()).as("each answer ended at its head").isEqualTo(1);
    }

    @Test
    void interimAnswersAreSkippedWithTheirHeaders() throws IOException {
        serveAnswers();
        var response = client.send(get(server.uri("/interim")));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Link")).isEmpty();
        assertThat(body(response)).isEqualTo("ok");
        assertThat(fetch(client, get(server.uri("/no-reason")))).isEqualTo("ok");
    }

    @Test
    void malformedOrOversizedHeadsAreBrokenExchanges() throws IOException {
        serveAnswers();
        assertThat(fetch(client, get(server.uri("/large-head")))).as("60 KB of head is fine").isEqualTo("ok");
        for (String path : new String[] {"/huge-head", "/obs-fold", "/bad-status", "/bad-length"}) {
            assertThat(failure(client, get(server.uri(path)))).as(path).isEqualTo(HttpFailure.Kind.BROKEN);
        }
    }

    @Test
    void http10AnswersKeepTheirConnectionOnlyWhenTheySayKeepAlive() throws IOException {
        server = new ScriptedServer((peer, index) -> {
            for (String request = peer.request(); request != null; request = peer.request()) {
                boolean keep = path(request).equals("/keep");
                peer.write("HTTP/1.0 200 OK\r\n" + (keep ? "Connection: keep-alive\r\n" : "")
                        + "Content-Length: 2\r\n\r\nok");
            }
        });
        fetch(client, get(server.uri("/keep")));
        fetch(client, get(server.uri("/keep")));
        assertThat(server.accepted()).isEqualTo(1);
        fetch(client, get(server.uri("/plain")));
        fetch(client, get(server.uri("/keep")));
        assertThat(server.accepted()).isEqualTo(2);
    }

    private static String filler(int lines) {
        var filler = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            filler.append("X-Filler-").append(1000 + i).append(": ").append("x".repeat(83)).append("\r\n");
        }
        return filler.toString();
    }
}
