package dev.warden.provider.http;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLSocketFactory;

/**
 * A blocking HTTP/1.1 client on plain sockets: the exchange runs on the calling (virtual) thread, with one write
 * for the request and, for a small answer, one read for head and body; there are no hand-offs between threads.
 * Keep-alive connections are pooled per origin; a pooled connection that turns out to be closed by the upstream
 * before it answered anything is replaced once by a fresh one, as every production client does.
 */
public final class Http1Client implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Http1Client.class.getName());
    /** Idle keep-alive connections kept per origin; at least the expected concurrency per upstream (0002). */
    static final int MAX_IDLE_PER_ORIGIN = 256;
    /** Idle connections older than this are closed: upstreams close theirs after some seconds to minutes. */
    static final Duration IDLE_LIMIT = Duration.ofSeconds(30);
    /** Heads (1xx interim answers included) larger than this are refused. */
    static final int MAX_HEAD = 64 * 1024;
    /** How often a client's own watchdog checks silences: the precision of its first-byte timeout. */
    private static final long OWN_WATCHDOG_TICK_MILLIS = 50;

    private final Map<Origin, HostPool> pools = new ConcurrentHashMap<>();
    private final Dialer dialer;
    private final int maxIdle;
    private final long idleLimitNanos;
    private final AtomicLong lastSweep = new AtomicLong(System.nanoTime());
    private final Watchdog watchdog;
    private final boolean ownsWatchdog;
    /** Exchanges between their request's write and their answer's head. */
    private final AtomicInteger awaitingHead = new AtomicInteger();

    Http1Client(SSLSocketFactory tls, int maxIdle, Duration idleLimit) {
        this(tls, maxIdle, idleLimit, Watchdog.start(OWN_WATCHDOG_TICK_MILLIS), true);
    }

    private Http1Client(SSLSocketFactory tls, int maxIdle, Duration idleLimit, Watchdog watchdog,
            boolean ownsWatchdog) {
        this.dialer = new Dialer(tls, watchdog);
        this.maxIdle = maxIdle;
        this.idleLimitNanos = idleLimit.toNanos();
        this.watchdog = watchdog;
        this.ownsWatchdog = ownsWatchdog;
    }

    /** A client with the JDK's default TLS context (its trust store and protocols) and a watchdog of its own. */
    public static Http1Client create() {
        return new Http1Client((SSLSocketFactory) SSLSocketFactory.getDefault(), MAX_IDLE_PER_ORIGIN, IDLE_LIMIT);
    }

    /** A client whose silences the given watchdog times; closing the client leaves the watchdog running. */
    public static Http1Client create(Watchdog watchdog) {
        return new Http1Client((SSLSocketFactory) SSLSocketFactory.getDefault(), MAX_IDLE_PER_ORIGIN, IDLE_LIMIT,
                watchdog, false);
    }

    /**
     * Sends the request and returns once the response head has arrived (1xx interim answers skipped).
     *
     * @throws HttpFailure when no answer could be had; its kind says why
     */
    public Http1Response send(Http1Request request) throws HttpFailure {
        var origin = Origin.of(request.uri());
        byte[] bytes = RequestEncoder.encode(request);
        var pool = pools.computeIfAbsent(origin, o -> new HostPool(maxIdle, idleLimitNanos));
        long now = System.nanoTime();
        sweepIfDue(now);
        var pooled = pool.checkout(now);
        if (pooled != null) {
            long received = pooled.in().received();
            try {
                return exchange(pooled, request, bytes);
            } catch (IOException e) {
                pooled.close();
                if (!stale(e, pooled, received)) {
                    throw failure(e, pooled, origin);
                }
                LOG.log(Level.FINE, () -> "pooled connection to " + origin + " was closed by the upstream ("
                        + e + "); retrying on a new one");
            }
        }
        var fresh = dialer.dial(origin, request.connectTimeout(), pool);
        try {
            return exchange(fresh, request, bytes);
        } catch (IOException e) {
            fresh.close();
            throw failure(e, fresh, origin);
        }
    }

    private Http1Response exchange(Connection connection, Http1Request request, byte[] bytes) throws IOException {
        connection.silenceLimit(request.firstByteTimeout());
        boolean othersWaiting = awaitingHead.getAndIncrement() > 0;
        ResponseHead head;
        try {
            connection.write(bytes);
            if (othersWaiting) {
                // Let the carrier run the other calls first: it then often finds this answer already here, where
                // reading at once finds nothing and parks, which costs an epoll registration and two thread
                // wake-ups (poller, carrier). Alone, nothing yields. A/B at 32 connections: +16 % RPS, 74 vs
                // 85.5 µs CPU per request (docs/benchmarks.md).
                Thread.yield();
            }
            head = readHead(connection);
        } finally {
            awaitingHead.decrementAndGet();
        }
        // From here on silences are the caller's to judge (it watches streamed bodies); this only backs it up.
        connection.silenceLimit(request.bodyReadTimeout());
        var headers = head.headers();
        boolean keepAlive = !request.closeRequested() && (head.http11()
                ? !Headers.hasToken(headers.first("Connection"), "close")
                : Headers.hasToken(headers.first("Connection"), "keep-alive"));
        if (request.head() || head.status() == 204 || head.status() == 304) {
            return new Http1Response(head.status(), headers, new FixedLengthBody(connection, keepAlive, 0), 0);
        }
        String transferEncoding = headers.first("Transfer-Encoding");
        if (transferEncoding != null) {
            // With both framings a message may be smuggled; RFC 9112 says use chunked and drop the connection.
            boolean alone = headers.first("Content-Length") == null;
            Body body = Headers.lastToken(transferEncoding).equalsIgnoreCase("chunked")
                    ? new ChunkedBody(connection, keepAlive && alone)
                    : new CloseDelimitedBody(connection);
            return new Http1Response(head.status(), headers, body, -1);
        }
        String contentLength = headers.first("Content-Length");
        if (contentLength != null) {
            long length = contentLength(contentLength, headers.count("Content-Length"));
            return new Http1Response(head.status(), headers, new FixedLengthBody(connection, keepAlive, length),
                    length);
        }
        return new Http1Response(head.status(), headers, new CloseDelimitedBody(connection), -1);
    }

    /** The final head: 1xx interim answers are skipped, and all heads together stay within {@link #MAX_HEAD}. */
    private static ResponseHead readHead(Connection connection) throws IOException {
        int budget = MAX_HEAD;
        while (true) {
            var head = ResponseHead.read(connection.in(), budget);
            budget -= head.size();
            if (head.status() >= 200) {
                return head;
            }
            if (head.status() == 101) {
                throw new HttpFailure(HttpFailure.Kind.BROKEN, "the upstream switched protocols unasked");
            }
        }
    }

    private static long contentLength(String value, int fields) throws HttpFailure {
        if (fields > 1 || value.isEmpty() || value.length() > 18) {
            throw new HttpFailure(HttpFailure.Kind.BROKEN, "invalid Content-Length from the upstream: " + value);
        }
        long length = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new HttpFailure(HttpFailure.Kind.BROKEN, "invalid Content-Length from the upstream: " + value);
            }
            length = length * 10 + (c - '0');
        }
        return length;
    }

    /**
     * A pooled connection failed as one the upstream closed while it sat idle: an I/O error (not a timeout, not a
     * cancellation) before any byte of the answer. Then the upstream cannot have acted on the request.
     */
    private static boolean stale(IOException e, Connection connection, long receivedBefore) {
        return connection.reused() && connection.in().received() == receivedBefore && !connection.expired()
                && !(e instanceof HttpFailure) && !HttpFailure.cancellation(e);
    }

    private static HttpFailure failure(IOException e, Connection connection, Origin origin) {
        if (connection.expired()) {
            return HttpFailure.of(HttpFailure.Kind.FIRST_BYTE_TIMEOUT, origin + " sent no answer in time", e);
        }
        return HttpFailure.of(HttpFailure.Kind.BROKEN, "exchange with " + origin + " failed", e);
    }

    /** Now and then, closes idle connections of origins that are no longer called (a cheap scan, no thread). */
    private void sweepIfDue(long now) {
        long last = lastSweep.get();
        if (now - last > idleLimitNanos && lastSweep.compareAndSet(last, now)) {
            pools.values().forEach(pool -> pool.sweep(now));
        }
    }

    int idleConnections(Origin origin) {
        var pool = pools.get(origin);
        return pool == null ? 0 : pool.idleCount();
    }

    /** Closes the idle connections; exchanges under way finish and then close theirs. */
    @Override
    public void close() {
        pools.values().forEach(HostPool::close);
        if (ownsWatchdog) {
            watchdog.close();
        }
    }
}
