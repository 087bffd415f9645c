package dev.warden.bench.spike;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;

/** Helidon SE 4.5 (virtual thread per request): args = port upstreamBaseUrl. */
public final class HelidonProxy {
    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Upstream upstream = new Upstream(args[1]);
        WebServer server = WebServer.builder()
                .host("127.0.0.1")
                .port(port)
                // Helidon's default is tcpNoDelay=false: with Nagle + delayed ACK each small SSE flush after the
                // first can wait ~40 ms. Jetty's connector enables TCP_NODELAY by default. -Dspike.nodelay=false
                // reproduces the default.
                .connectionOptions(o -> o.tcpNoDelay(Boolean.parseBoolean(System.getProperty("spike.nodelay", "true"))))
                .routing(r -> r.post("/v1/chat/completions", (req, res) -> handle(upstream, req, res)))
                .build()
                .start();
        System.out.println("helidon proxy listening on " + server.port() + " -> " + args[1]);
    }

    private static void handle(Upstream upstream, ServerRequest req, ServerResponse res) throws Exception {
        byte[] body;
        try (InputStream in = req.content().inputStream()) {
            body = in.readAllBytes();
        }
        byte[] out = Upstream.transform(body);
        String auth = req.headers().first(HeaderNames.AUTHORIZATION).orElse(null);
        HttpResponse<InputStream> up = upstream.post(out, auth);
        String ct = Upstream.contentType(up);
        res.status(Status.create(up.statusCode()));
        res.header(HeaderNames.CONTENT_TYPE, ct);
        try (InputStream upBody = up.body()) {
            if (Upstream.isEventStream(ct)) {
                res.header(HeaderNames.CACHE_CONTROL, "no-cache");
                try (OutputStream os = res.outputStream()) {
                    Upstream.relaySse(upBody, new Upstream.Sink() {
                        @Override
                        public void write(byte[] b, int off, int len) throws java.io.IOException {
                            os.write(b, off, len);
                        }

                        @Override
                        public void flush() throws java.io.IOException {
                            os.flush();
                        }
                    });
                }
            } else {
                res.send(upBody.readAllBytes());
            }
        }
    }
}
