package dev.warden.provider;

import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one outbound HTTP client. Connections are pooled by the JDK client; because the JDK fixes the connect
 * timeout per client, there is one pooled client per distinct connect timeout (in practice one or two).
 *
 * <p>Failures to reach the upstream become client-safe {@link ApiError}s: the upstream's address and the
 * exception text go to the log only.
 */
public final class UpstreamClient implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(UpstreamClient.class.getName());

    private final Map<Duration, HttpClient> clients = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final IdleWatchdog watchdog;

    private UpstreamClient(long watchdogTickMillis) {
        this.watchdog = new IdleWatchdog(watchdogTickMillis);
    }

    public static UpstreamClient create() {
        return new UpstreamClient(100);
    }

    /**
     * Sends the request and returns once the response headers have arrived. The caller must close the response.
     *
     * @throws ApiException on connect failure (502), connect or first-byte timeout (504), or interruption (503)
     */
    public UpstreamResponse send(UpstreamRequest request) {
        var builder = HttpRequest.newBuilder(request.uri())
                .timeout(request.timeouts().firstByte())
                .method(request.method(), request.body().length == 0 && request.method().equals("GET")
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if ("http".equalsIgnoreCase(request.uri().getScheme())) {
            // Plain-text upstreams (vLLM, Ollama, a sidecar) speak HTTP/1.1; an h2c upgrade attempt only costs.
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        request.headers().forEach(builder::header);
        try {
            var response = client(request.timeouts().connect())
                    .send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            var body = new WatchedStream(response.body(), watchdog, request.timeouts().streamIdle().toNanos(),
                    System.nanoTime());
            return new UpstreamResponse(response.statusCode(), response.headers(), body);
        } catch (HttpConnectTimeoutException e) {
            LOG.log(Level.WARNING, () -> "upstream connect timeout: " + request.uri().getHost());
            throw new ApiException(new ApiError.UpstreamTimeout("Timed out connecting to the upstream provider."));
        } catch (HttpTimeoutException e) {
            LOG.log(Level.WARNING, () -> "upstream first-byte timeout: " + request.uri().getHost());
            throw new ApiException(new ApiError.UpstreamTimeout(
                    "The upstream provider did not answer within " + request.timeouts().firstByte().toSeconds()
                            + " s."));
        } catch (ConnectException e) {
            LOG.log(Level.WARNING, () -> "upstream connect failed: " + request.uri().getHost() + ": " + e);
            throw new ApiException(new ApiError.Upstream(502, "Could not connect to the upstream provider.",
                    "upstream_error", null, "upstream_unreachable", null));
        } catch (IOException e) {
            LOG.log(Level.WARNING, () -> "upstream I/O failure: " + request.uri().getHost() + ": " + e);
            throw new ApiException(new ApiError.Upstream(502, "The connection to the upstream provider failed.",
                    "upstream_error", null, "upstream_io_error", null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(new ApiError.Unavailable("The request was cancelled."));
        }
    }

    private HttpClient client(Duration connectTimeout) {
        return clients.computeIfAbsent(connectTimeout, timeout -> HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build());
    }

    int watchedStreams() {
        return watchdog.watchedCount();
    }

    @Override
    public void close() {
        watchdog.close();
        clients.values().forEach(HttpClient::close);
        executor.close();
    }
}
