package dev.warden.provider;

import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import dev.warden.provider.http.Http1Client;
import dev.warden.provider.http.Watchdog;
import dev.warden.provider.http.Http1Request;
import dev.warden.provider.http.HttpFailure;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one outbound HTTP client: Warden's own HTTP/1.1 client ({@link Http1Client}), which does its I/O on the
 * calling (virtual) thread and pools keep-alive connections per origin. Helidon's WebClient before it (decision
 * 0002) cost ~20 µs per exchange more than a bare socket exchange, most of the gap left to the throughput goal.
 *
 * <p>Failures to reach the upstream become client-safe {@link ApiError}s: the upstream's address and the
 * exception text go to the log only.
 */
public final class UpstreamClient implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(UpstreamClient.class.getName());

    /** How often silences are checked: the precision of first-byte and stream-idle timeouts. */
    private static final long WATCHDOG_TICK_MILLIS = 100;

    private final Http1Client http;
    /** Times both the wait for a response head (in the client) and the silences between body reads (here). */
    private final Watchdog watchdog;

    private UpstreamClient(Watchdog watchdog) {
        this.http = Http1Client.create(watchdog);
        this.watchdog = watchdog;
    }

    public static UpstreamClient create() {
        return new UpstreamClient(Watchdog.start(WATCHDOG_TICK_MILLIS));
    }

    /**
     * Sends the request and returns once the response headers have arrived. The caller must close the response.
     *
     * @throws ApiException on connect failure (502), connect or first-byte timeout (504), or interruption (503)
     */
    public UpstreamResponse send(UpstreamRequest request) {
        var timeouts = request.timeouts();
        // Until the head, the client's silence limit is the first-byte timeout; after it, the body's silences are
        // judged here per stream, and the client's limit only backs that up, later.
        var outbound = new Http1Request(request.method(), request.uri(), request.headers(), request.body(),
                timeouts.connect(), timeouts.firstByte(), timeouts.streamIdle().multipliedBy(2).plusSeconds(1));
        try {
            var response = http.send(outbound);
            var body = new WatchedStream(response.body(), response::available, atEof -> response.close(), watchdog,
                    timeouts.streamIdle().toNanos(), System.nanoTime());
            // Bodies are passed on undecoded, but a content-encoded length is not the length of what it encodes.
            long length = response.header("Content-Encoding").isPresent() ? -1 : response.contentLength();
            return new UpstreamResponse(response.status(), response::header, body, length);
        } catch (HttpFailure e) {
            throw failure(e, request);
        }
    }

    private static ApiException failure(HttpFailure e, UpstreamRequest request) {
        String host = request.uri().getHost();
        var kind = Thread.currentThread().isInterrupted() ? HttpFailure.Kind.CANCELLED : e.kind();
        return switch (kind) {
            case CANCELLED -> new ApiException(new ApiError.Unavailable("The request was cancelled."));
            case CONNECT_TIMEOUT -> {
                LOG.log(Level.WARNING, () -> "upstream connect timeout: " + host);
                yield new ApiException(new ApiError.UpstreamTimeout("Timed out connecting to the upstream provider."));
            }
            case FIRST_BYTE_TIMEOUT -> {
                LOG.log(Level.WARNING, () -> "upstream first-byte timeout: " + host);
                yield new ApiException(new ApiError.UpstreamTimeout("The upstream provider did not answer within "
                        + request.timeouts().firstByte().toSeconds() + " s."));
            }
            case UNREACHABLE -> {
                LOG.log(Level.WARNING, () -> "upstream connect failed: " + host + ": " + describe(e));
                yield new ApiException(new ApiError.Upstream(502, "Could not connect to the upstream provider.",
                        "upstream_error", null, "upstream_unreachable", null));
            }
            case BROKEN -> {
                LOG.log(Level.WARNING, () -> "upstream I/O failure: " + host + ": " + describe(e));
                yield new ApiException(new ApiError.Upstream(502, "The connection to the upstream provider failed.",
                        "upstream_error", null, "upstream_io_error", null));
            }
        };
    }

    /** The failure and its cause, in one line for the log. */
    private static String describe(HttpFailure e) {
        return e.getCause() == null ? e.getMessage() : e.getMessage() + ": " + e.getCause();
    }

    @Override
    public void close() {
        http.close();
        watchdog.close();
    }
}
