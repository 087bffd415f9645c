package dev.warden.provider.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Opens connections: TCP with the connect timeout, then for {@code https} a TLS handshake in what is left of it,
 * with SNI and the certificate checked against the host name (the JDK checks neither unless asked).
 */
record Dialer(SSLSocketFactory tls, Watchdog watchdog) {
    Connection dial(Origin origin, Duration connectTimeout, HostPool home) throws HttpFailure {
        long deadline = System.nanoTime() + connectTimeout.toNanos();
        InetAddress address;
        try {
            address = InetAddress.getByName(origin.host());
        } catch (UnknownHostException e) {
            throw HttpFailure.of(HttpFailure.Kind.UNREACHABLE, "unknown host " + origin, e);
        }
        // No proxy: a plain Socket would follow the socksProxyHost system property.
        var socket = new Socket(Proxy.NO_PROXY);
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(address, origin.port()), millis(connectTimeout));
        } catch (IOException e) {
            throw failed(socket, e, "connect to " + origin);
        }
        try {
            return new Connection(origin.tls() ? handshake(socket, origin, deadline) : socket, socket, home, watchdog);
        } catch (IOException e) {
            // A certificate that does not match, or no common protocol: no usable connection, as with a refusal.
            throw failed(socket, e, "TLS handshake with " + origin);
        }
    }

    /** Closes the socket; a timeout is a connect timeout, any other failure leaves the upstream unreachable. */
    private static HttpFailure failed(Socket socket, IOException e, String phase) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing a socket that failed to connect has nothing left to report.
        }
        return e instanceof SocketTimeoutException
                ? HttpFailure.of(HttpFailure.Kind.CONNECT_TIMEOUT, phase + " timed out", e)
                : HttpFailure.of(HttpFailure.Kind.UNREACHABLE, phase + " failed", e);
    }

    private SSLSocket handshake(Socket socket, Origin origin, long deadline) throws IOException {
        var ssl = (SSLSocket) tls.createSocket(socket, origin.host(), origin.port(), true);
        var parameters = ssl.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!origin.ipLiteral()) {
            try {
                parameters.setServerNames(List.of(new SNIHostName(origin.host())));
            } catch (IllegalArgumentException notAnSniName) {
                // A name SNI cannot carry (a trailing dot, say) goes without; the certificate check still applies.
            }
        }
        ssl.setSSLParameters(parameters);
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("no time left for the TLS handshake");
        }
        ssl.setSoTimeout(millis(Duration.ofNanos(left)));
        ssl.startHandshake();
        // Exchanges are timed by the watchdog; a socket timeout would make every read a timed park.
        ssl.setSoTimeout(0);
        return ssl;
    }

    /** A socket timeout in milliseconds: at least 1 (0 would mean none), at most what an int holds. */
    static int millis(Duration timeout) {
        return Math.clamp(timeout.toMillis(), 1, Integer.MAX_VALUE);
    }
}
