package dev.warden.bench.spike;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.VirtualThreadPool;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;

/** Jetty 12.1 core (no servlets) on a VirtualThreadPool: args = port upstreamBaseUrl. */
public final class JettyProxy {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Upstream upstream = new Upstream(args[1]);
        VirtualThreadPool pool = new VirtualThreadPool();
        pool.setName("jetty-vt");
        Server server = new Server(pool);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() { // default InvocationType BLOCKING: may block, runs on a virtual thread
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                if (!"POST".equals(request.getMethod()) || !"/v1/chat/completions".equals(request.getHttpURI().getPath())) {
                    Response.writeError(request, response, callback, 404);
                    return true;
                }
                JettyProxy.handle(upstream, request, response, callback);
                return true;
            }
        });
        server.start();
        System.out.println("jetty proxy listening on " + connector.getLocalPort() + " -> " + args[1]);
        server.join();
    }

    private static void handle(Upstream upstream, Request request, Response response, Callback callback) {
        try {
            byte[] body;
            try (InputStream in = Content.Source.asInputStream(request)) {
                body = in.readAllBytes();
            }
            byte[] out = Upstream.transform(body);
            HttpResponse<InputStream> up = upstream.post(out, request.getHeaders().get(HttpHeader.AUTHORIZATION));
            String ct = Upstream.contentType(up);
            response.setStatus(up.statusCode());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, ct);
            try (InputStream upBody = up.body()) {
                if (Upstream.isEventStream(ct)) {
                    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
                    // Blocking writes: each flush() is one response.write(false, ...) completed before returning.
                    Upstream.relaySse(upBody, new Upstream.Sink() {
                        private byte[] acc = new byte[8192];
                        private int len;

                        @Override
                        public void write(byte[] b, int off, int n) {
                            if (len + n > acc.length) {
                                acc = java.util.Arrays.copyOf(acc, Math.max(acc.length * 2, len + n));
                            }
                            System.arraycopy(b, off, acc, len, n);
                            len += n;
                        }

                        @Override
                        public void flush() throws java.io.IOException {
                            if (len == 0) {
                                return;
                            }
                            // copy: Jetty may hold the buffer until the write completes; we block until then anyway
                            ByteBuffer bb = ByteBuffer.wrap(java.util.Arrays.copyOf(acc, len));
                            len = 0;
                            try (Blocker.Callback cb = Blocker.callback()) {
                                response.write(false, bb, cb);
                                cb.block();
                            }
                        }
                    });
                    response.write(true, null, callback);
                } else {
                    byte[] bytes = upBody.readAllBytes();
                    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
                    response.write(true, ByteBuffer.wrap(bytes), callback);
                }
            }
        } catch (Throwable t) {
            if (!response.isCommitted()) {
                Response.writeError(request, response, callback, 502, String.valueOf(t));
            } else {
                callback.failed(t);
            }
        }
    }
}
