package dev.warden.auth.jwt;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the identity provider's signing keys come from. Called off the request path by the background refresh,
 * and on it only for the rate-limited refetch an unknown {@code kid} causes, so an implementation must bound its
 * own time.
 */
public interface JwksSource {

    /** Fetching a JWKS larger than this is refused; real ones are a few KB. */
    int MAX_BYTES = 512 * 1024;

    /** The current key set; an IOException (with a message fit for the log) when it cannot be had. */
    JWKSet fetch() throws IOException;

    /**
     * A JWKS served over HTTP(S).
     *
     * @param connectTimeout how long connecting may take
     * @param readTimeout how long the whole response may take once sent
     */
    static JwksSource url(URI url, Duration connectTimeout, Duration readTimeout) {
        return new HttpJwksSource(url, connectTimeout, readTimeout);
    }

    /** A JWKS JSON file, read again on each fetch so replacing the file rotates the keys. */
    static JwksSource file(Path file) {
        return new FileJwksSource(file);
    }
}
