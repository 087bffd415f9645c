package dev.warden.auth.jwt;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Objects;

/** A JWKS kept on disk, for installations that cannot reach their identity provider. */
final class FileJwksSource implements JwksSource {

    private final Path file;

    FileJwksSource(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    @Override
    public JWKSet fetch() throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException("JWKS file " + file + " is larger than " + MAX_BYTES + " bytes");
        }
        try {
            return JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (ParseException invalid) {
            throw new IOException("JWKS file " + file + " is not a valid key set: " + invalid.getMessage(), invalid);
        }
    }
}
