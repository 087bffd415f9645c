// The "helidon" client of ClientCost.java: Helidon SE 4.5.0's blocking HTTP/1.1 WebClient, which does its I/O on the
// calling (virtual) thread. Loaded by name, so ClientCost.java runs without Helidon on the class path for the
// other clients; bench/client/run.sh resolves the class path with bench/client/pom.xml.
import io.helidon.http.HeaderNames;
import io.helidon.webclient.http1.Http1Client;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

public final class HelidonCost implements Callable<Object>, AutoCloseable {
    private final Http1Client client;
    private final String path;
    private final byte[] body;

    private HelidonCost(URI uri, String body) {
        // The keep-alive pool must hold at least as many connections as there are concurrent callers.
        this.client = Http1Client.builder().baseUri(uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort())
                .connectionCacheSize(256)
                .build();
        this.path = uri.getPath();
        this.body = body.getBytes(StandardCharsets.UTF_8);
    }

    public static HelidonCost create(URI uri, String body) {
        return new HelidonCost(uri, body);
    }

    @Override
    public Object call() throws Exception {
        try (var response = client.post(path)
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .header(HeaderNames.ACCEPT, "application/json")
                .header(HeaderNames.AUTHORIZATION, "Bearer sk-bench")
                .submit(body)) {
            if (response.status().code() != 200) {
                throw new IllegalStateException("status " + response.status());
            }
            try (InputStream in = response.inputStream()) {
                return in.readAllBytes();
            }
        }
    }

    @Override
    public void close() {
        client.closeResource();
    }
}
