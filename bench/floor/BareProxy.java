import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The cheapest HTTP/1.1 proxy a JVM can be, as a floor for Warden's non-streaming throughput: blocking sockets, one
 * thread per client connection (virtual or platform), a kept-alive upstream connection per client connection, no
 * HTTP library, no JSON, no logging. It relays a JSON POST to the fake upstream and the whole answer back, with the
 * same two writes per request Warden makes. What it cannot reach, no gateway on the JVM reaches on this machine.
 *
 *   java bench/floor/BareProxy.java <listen-port> <upstream-port> [virtual|platform]
 */
public final class BareProxy {
    private static final byte[] CRLF2 = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        int upstreamPort = Integer.parseInt(args[1]);
        boolean virtual = args.length < 3 || args[2].equals("virtual");
        var factory = virtual ? Thread.ofVirtual().factory() : Thread.ofPlatform().daemon().factory();
        try (var server = new ServerSocket()) {
            server.bind(new InetSocketAddress("127.0.0.1", port), 1024);
            System.out.println("bare proxy on " + port + " -> " + upstreamPort + " (" + (virtual ? "virtual" : "platform")
                    + " threads)");
            while (true) {
                var client = server.accept();
                client.setTcpNoDelay(true);
                factory.newThread(() -> serve(client, upstreamPort)).start();
            }
        }
    }

    private static void serve(Socket client, int upstreamPort) {
        try (client; var upstream = new Socket("127.0.0.1", upstreamPort)) {
            upstream.setTcpNoDelay(true);
            var in = new BufferedInputStream(client.getInputStream(), 8192);
            var out = client.getOutputStream();
            var upIn = new BufferedInputStream(upstream.getInputStream(), 8192);
            var upOut = upstream.getOutputStream();
            while (true) {
                var head = readHead(in);
                if (head == null) {
                    return;
                }
                var body = in.readNBytes(contentLength(head));
                write(upOut, "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1:" + upstreamPort
                        + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: "
                        + body.length + "\r\n\r\n", body);
                var upHead = readHead(upIn);
                if (upHead == null) {
                    return;
                }
                var answer = upHead.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")
                        ? readChunked(upIn) : upIn.readNBytes(contentLength(upHead));
                write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + answer.length
                        + "\r\n\r\n", answer);
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** One write per message, as Warden does. */
    private static void write(OutputStream out, String head, byte[] body) throws IOException {
        var message = new ByteArrayOutputStream(head.length() + body.length);
        message.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        message.writeBytes(body);
        message.writeTo(out);
        out.flush();
    }

    private static String readHead(InputStream in) throws IOException {
        var head = new ByteArrayOutputStream(512);
        int matched = 0;
        while (matched < CRLF2.length) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = b == CRLF2[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static int contentLength(String head) {
        for (var line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                return Integer.parseInt(line.substring(15).trim());
            }
        }
        return 0;
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        var body = new ByteArrayOutputStream(1024);
        while (true) {
            var sizeLine = readLine(in);
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                readLine(in);
                return body.toByteArray();
            }
            body.writeBytes(in.readNBytes(size));
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        var line = new StringBuilder();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("cut");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
