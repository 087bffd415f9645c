// The "warden" client of ClientCost.java: Warden's own dev.warden.provider.UpstreamClient (Helidon's WebClient plus
// Warden's per-request work: request mapping, connection capture, watchdog registration, error mapping), so the swap
// of decision 0002 is measured as shipped rather than the library alone. Loaded by name like HelidonCost.java;
// run.sh puts the root project's target/classes on the class path.
import dev.warden.provider.Timeouts;
import dev.warden.provider.UpstreamClient;
import dev.warden.provider.UpstreamRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;

public final class WardenCost implements Callable<Object>, AutoCloseable {
    private final UpstreamClient client = UpstreamClient.create();
    private final UpstreamRequest request;

    private WardenCost(URI uri, String body) {
        this.request = UpstreamRequest.postJson(uri, Map.of("Content-Type", "application/json",
                "Accept", "application/json", "Authorization", "Bearer sk-bench"),
                body.getBytes(StandardCharsets.UTF_8), Timeouts.DEFAULTS);
    }

    public static WardenCost create(URI uri, String body) {
        return new WardenCost(uri, body);
    }

    @Override
    public Object call() {
        try (var response = client.send(request)) {
            if (response.status() != 200) {
                throw new IllegalStateException("status " + response.status());
            }
            return response.readAll();
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
