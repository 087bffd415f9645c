package dev.warden.provider;

import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.api.ClientConnection;
import io.helidon.webclient.api.Proxy;
import io.helidon.webclient.api.WebClientServiceRequest;
import io.helidon.webclient.api.WebClientServiceResponse;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webclient.spi.WebClientService;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one outbound HTTP client: Helidon's blocking HTTP/1.1 WebClient, which does its I/O on the calling (virtual)
 * thread and pools keep-alive connections per host (decision 0002: the JDK client's thread hand-offs were most of
 * Warden's own cost). Helidon fixes the connect timeout per client, so there is one client per distinct connect
 * timeout (in practice one or two).
 *
 * <p>Failures to reach the upstream become client-safe {@link ApiError}s: the upstream's address and the
 * exception text go to the log only.
 */
public final class UpstreamClient implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(UpstreamClient.class.getName());
    private static final String CALL_ID = "warden.call-id";
    /** Keep-alive connections kept per upstream host; at least the expected concurrency per host (0002). */
    private static final int POOL_PER_HOST = 256;

    private final Map<Duration, Http1Client> clients = new ConcurrentHashMap<>();
    /** Connections of calls in flight, handed from {@link #captureConnection} to {@link #send} on one thread. */
    private final Map<String, ClientConnection> connections = new ConcurrentHashMap<>();
    private final AtomicLong callIds = new AtomicLong();
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
        var timeouts = request.timeouts();
        String callId = Long.toString(callIds.incrementAndGet());
        // The string form keeps the percent-encoding exactly as the provider built it (SigV4 signs the encoded path);
        // the URI overload decodes it.
        var call = client(timeouts.connect()).method(Method.create(request.method()))
                .uri(request.uri().toString())
                .skipUriEncoding(true)
                // A socket read timeout, so until the response headers it is the first-byte timeout.
                .readTimeout(timeouts.firstByte())
                .property(CALL_ID, callId);
        request.headers().forEach((name, value) -> call.header(HeaderNames.create(name), value));
        Http1ClientResponse response = null;
        try {
            response = request.body().length == 0 && request.method().equals("GET")
                    ? call.request()
                    : call.submit(request.body());
            ClientConnection connection = Objects.requireNonNull(connections.remove(callId), "connection");
            // The body's silences are the watchdog's to judge; the socket timeout only backs it up, later.
            connection.readTimeout(timeouts.streamIdle().plus(timeouts.streamIdle()).plusSeconds(1));
            var body = new WatchedStream(response.inputStream(), () -> connection.reader().available(),
                    new Abort(response, connection), watchdog, timeouts.streamIdle().toNanos(), System.nanoTime());
            var headers = response.headers();
            // A content-encoded body may be decoded by the client, and then its length is not the declared one.
            long length = headers.contains(HeaderNames.CONTENT_ENCODING) ? -1 : headers.contentLength().orElse(-1);
            return new UpstreamResponse(response.status().code(), name -> headers.first(HeaderNames.create(name)),
                    body, length);
        } catch (RuntimeException e) {
            connections.remove(callId);
            if (response != null) {
                response.close();
            }
            throw failure(e, request);
        }
    }

    private ApiException failure(RuntimeException e, UpstreamRequest request) {
        String host = request.uri().getHost();
        if (Thread.currentThread().isInterrupted() || cause(e, InterruptedIOException.class) != null
                && cause(e, SocketTimeoutException.class) == null) {
            return new ApiException(new ApiError.Unavailable("The request was cancelled."));
        }
        var timeout = cause(e, SocketTimeoutException.class);
        if (timeout != null && inConnect(timeout)) {
            LOG.log(Level.WARNING, () -> "upstream connect timeout: " + host);
            return new ApiException(new ApiError.UpstreamTimeout("Timed out connecting to the upstream provider."));
        }
        if (timeout != null) {
            LOG.log(Level.WARNING, () -> "upstream first-byte timeout: " + host);
            return new ApiException(new ApiError.UpstreamTimeout(
                    "The upstream provider did not answer within " + request.timeouts().firstByte().toSeconds()
                            + " s."));
        }
        if (cause(e, ConnectException.class) != null || unresolved(e)) {
            LOG.log(Level.WARNING, () -> "upstream connect failed: " + host + ": " + e);
            return new ApiException(new ApiError.Upstream(502, "Could not connect to the upstream provider.",
                    "upstream_error", null, "upstream_unreachable", null));
        }
        if (!(e instanceof UncheckedIOException)) {
            // Helidon reports protocol breakage (a connection closed before the status line, a malformed answer)
            // with unchecked exceptions of its own; for the caller it is the same failed exchange. Stack kept.
            LOG.log(Level.WARNING, "upstream exchange failed: " + host, e);
        } else {
            LOG.log(Level.WARNING, () -> "upstream I/O failure: " + host + ": " + e);
        }
        return new ApiException(new ApiError.Upstream(502, "The connection to the upstream provider failed.",
                "upstream_error", null, "upstream_io_error", null));
    }

    /** Connect and read timeouts are both {@link SocketTimeoutException}s; only the stack tells them apart. */
    private static boolean inConnect(SocketTimeoutException e) {
        for (var frame : e.getStackTrace()) {
            if (frame.getMethodName().equals("connect") && frame.getClassName().startsWith("java.net.")) {
                return true;
            }
        }
        return false;
    }

    /** Helidon's DNS lookup reports an unknown host as an IllegalArgumentException. */
    private static boolean unresolved(RuntimeException e) {
        return e instanceof IllegalArgumentException && e.getMessage() != null
                && e.getMessage().startsWith("Failed to get address for host");
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private Http1Client client(Duration connectTimeout) {
        return clients.computeIfAbsent(connectTimeout, timeout -> Http1Client.builder()
                .connectTimeout(timeout)
                .followRedirects(false)
                // Like the JDK client's default: no proxy from system properties, so no Proxy-Connection header.
                .proxy(Proxy.noProxy())
                // An own pool per client, closed with it, instead of Helidon's JVM-wide shared one.
                .shareConnectionCache(false)
                .connectionCacheSize(POOL_PER_HOST)
                // No write buffer: a request (headers and body, built in one buffer) then goes to the socket in one
                // write as it is, instead of being copied through a temporary array into a 4 KB buffer first.
                .writeBufferSize(0)
                .servicesDiscoverServices(false)
                .addService(this::captureConnection)
                .build());
    }

    /**
     * Runs on the calling thread once the response headers are in: keeps the call's connection, which Helidon's
     * response does not expose, so that {@link #send} can change its read timeout and an early close can close it.
     */
    private WebClientServiceResponse captureConnection(WebClientService.Chain chain, WebClientServiceRequest req) {
        var response = chain.proceed(req);
        String callId = req.properties().get(CALL_ID);
        if (callId != null && response.connection() instanceof ClientConnection connection) {
            connections.put(callId, connection);
        }
        return response;
    }

    int watchedStreams() {
        return watchdog.watchedCount();
    }

    @Override
    public void close() {
        watchdog.close();
        clients.values().forEach(Http1Client::closeResource);
    }

    /**
     * Ends the exchange when the body is closed. Before the end of the body the connection is closed first, so the
     * upstream sees the client go away and Helidon can neither drain the rest nor pool it; after the end (Helidon
     * has then already returned the connection to the pool) only the response is closed.
     */
    private record Abort(Http1ClientResponse response, ClientConnection connection) implements WatchedStream.Closer {
        @Override
        public void close(boolean atEof) {
            if (!atEof) {
                connection.closeResource();
            }
            response.close();
        }
    }
}
