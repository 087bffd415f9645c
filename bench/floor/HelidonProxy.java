import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.api.Proxy;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Warden's two HTTP libraries and nothing else: Helidon's server and its blocking HTTP/1.1 client, configured as in
 * Warden, relaying a JSON POST to the fake upstream and the whole answer back. No JSON, no pipeline, no logging.
 * Between {@code BareProxy} (no HTTP library) and Warden, it shows what the libraries cost and what Warden adds.
 *
 *   java -cp 'target/lib/*' bench/floor/HelidonProxy.java <listen-port> <upstream-port>
 */
public final class HelidonProxy {
    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        String upstream = "http://127.0.0.1:" + args[1] + "/v1/chat/completions";
        var client = Http1Client.builder()
                .followRedirects(false)
                .proxy(Proxy.noProxy())
                .shareConnectionCache(false)
                .connectionCacheSize(256)
                .writeBufferSize(0)
                .servicesDiscoverServices(false)
                .build();
        WebServer.builder()
                .host("127.0.0.1")
                .port(port)
                .shutdownHook(false)
                .connectionOptions(options -> options.tcpNoDelay(true))
                .featuresDiscoverServices(false)
                .routing(routing -> routing.route(Method.POST, "/v1/chat/completions", (req, res) -> {
                    // Sized reads, as Warden's: readAllBytes would allocate 16 KB chunks per message.
                    byte[] body = req.content().inputStream()
                            .readNBytes((int) req.headers().contentLength().orElse(0));
                    try (var answer = client.post(upstream).skipUriEncoding(true)
                            .header(HeaderNames.CONTENT_TYPE, "application/json")
                            .header(HeaderNames.ACCEPT, "application/json")
                            .submit(body)) {
                        byte[] bytes = readBody(answer.inputStream());
                        res.header("Content-Type", "application/json");
                        res.send(bytes);
                    }
                }))
                .build()
                .start();
        System.out.println("helidon proxy on " + port + " -> " + upstream);
    }

    /** A chunked body from a 1 KB first read, doubling: the client allocates what each read asks for. */
    private static byte[] readBody(InputStream in) throws IOException {
        var bytes = new byte[1024];
        int length = 0;
        int n;
        while ((n = in.read(bytes, length, bytes.length - length)) >= 0) {
            length += n;
            if (length == bytes.length) {
                bytes = Arrays.copyOf(bytes, 2 * length);
            }
        }
        return Arrays.copyOf(bytes, length);
    }
}
