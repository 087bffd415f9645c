package dev.warden.provider.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw-socket upstream for the client's tests: every accepted connection runs the test's script, which reads
 * requests and writes bytes exactly as given, so framing, pooling and the client going away are seen on the wire.
 */
final class ScriptedServer implements AutoCloseable {
    /** What one accepted connection does; {@code index} counts connections from 1. */
    @FunctionalInterface
    interface Script {
        void serve(Peer peer, int index) throws Exception;
    }

    private final ServerSocket server;
    private final Script script;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    /** Connection numbers whose client closed the connection (the server read the end of the stream). */
    private final BlockingQueue<Integer> closedByClient = new LinkedBlockingQueue<>();

    ScriptedServer(Script script) throws IOException {
        this(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), script);
    }

    ScriptedServer(ServerSocket server, Script script) {
        this.server = server;
        this.script = script;
        Thread.ofVirtual().start(this::acceptLoop);
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
    }

    int port() {
        return server.getLocalPort();
    }

    int accepted() {
        return accepted.get();
    }

    List<String> requests() {
        return requests;
    }

    /** Waits until at least {@code count} requests were read. */
    boolean requestsArrived(int count, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (requests.size() < count) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    BlockingQueue<Integer> closedByClient() {
        return closedByClient;
    }

    private void acceptLoop() {
        try {
            while (true) {
                var socket = server.accept();
                int index = accepted.incrementAndGet();
                Thread.ofVirtual().start(() -> run(socket, index));
            }
        } catch (IOException closed) {
            // The test is over.
        }
    }

    private void run(Socket socket, int index) {
        try (socket) {
            script.serve(new Peer(socket, index), index);
        } catch (Exception e) {
            // A script ends by the client hanging up or the test ending.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** One accepted connection, as a script sees it. */
    final class Peer {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final int index;

        Peer(Socket socket, int index) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
            this.index = index;
        }

        /** Reads one request (head and Content-Length body) and records it; null when the client closed. */
        String request() throws IOException {
            var head = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0) {
                head.append((char) b);
                if (head.length() >= 4 && head.lastIndexOf("\r\n\r\n") == head.length() - 4) {
                    var body = new String(in.readNBytes(contentLength(head.toString())), StandardCharsets.UTF_8);
                    requests.add(head + body);
                    return head + body;
                }
            }
            closedByClient.add(index);
            return null;
        }

        /** Waits until the client closes its end, then records it. */
        void awaitClientClose() throws IOException {
            while (in.read() >= 0) {
                // Drain until the end.
            }
            closedByClient.add(index);
        }

        void write(String bytes) throws IOException {
            out.write(bytes.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        /** The TLS session of a connection accepted by a TLS server socket. */
        javax.net.ssl.SSLSession tlsSession() {
            return ((javax.net.ssl.SSLSocket) socket).getSession();
        }

        /** Sends each write as its own segment, so the client sees every split. */
        void noDelay() throws IOException {
            socket.setTcpNoDelay(true);
        }

        void close() throws IOException {
            socket.close();
        }

        private static int contentLength(String head) {
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    return Integer.parseInt(line.substring(15).strip());
                }
            }
            return 0;
        }
    }
}
