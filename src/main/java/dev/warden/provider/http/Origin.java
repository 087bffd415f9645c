package dev.warden.provider.http;

import java.net.URI;
import java.util.Locale;

/** Where a connection goes, and so the key of its keep-alive pool. {@code host} is without IPv6 brackets. */
record Origin(boolean tls, String host, int port) {
    static Origin of(URI uri) throws HttpFailure {
        String scheme = uri.getScheme();
        boolean tls;
        if ("https".equalsIgnoreCase(scheme)) {
            tls = true;
        } else if ("http".equalsIgnoreCase(scheme)) {
            tls = false;
        } else {
            throw new HttpFailure(HttpFailure.Kind.BROKEN, "not an http or https URI: " + uri);
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new HttpFailure(HttpFailure.Kind.BROKEN, "no host in " + uri);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() < 0 ? defaultPort(tls) : uri.getPort();
        return new Origin(tls, host.toLowerCase(Locale.ROOT), port);
    }

    static int defaultPort(boolean tls) {
        return tls ? 443 : 80;
    }

    /** An IP literal gets no SNI and is matched against the certificate's IP addresses. */
    boolean ipLiteral() {
        if (host.indexOf(':') >= 0) {
            return true;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return (tls ? "https://" : "http://") + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
