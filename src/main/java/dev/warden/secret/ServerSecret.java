package dev.warden.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one root secret of an installation. Each use gets its own key derived from it (HMAC-SHA-256 of a purpose
 * label), so the key that hashes API keys and the key that encrypts credentials are never the same bytes.
 */
public final class ServerSecret {
    private final byte[] root;

    private ServerSecret(byte[] root) {
        if (root.length < 32) {
            throw new IllegalArgumentException("the server secret must be at least 32 bytes");
        }
        this.root = root.clone();
    }

    public static ServerSecret ofBase64(String base64) {
        return new ServerSecret(Base64.getDecoder().decode(base64.strip()));
    }

    /**
     * Reads the secret from {@code file}, or creates the file with 32 fresh random bytes (base64, owner read/write
     * only) when it does not exist: the embedded default, so a first run needs no setup yet keeps its keys valid
     * across restarts.
     */
    public static ServerSecret fromFile(Path file, SecureRandom random) {
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            var parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            var bytes = new byte[32];
            random.nextBytes(bytes);
            // Written in full under a temporary name, then linked into place: linking fails when another instance
            // created the file first, and no reader ever sees it empty or half-written.
            var temp = createOwnerOnly(parent);
            try {
                Files.writeString(temp, Base64.getEncoder().encodeToString(bytes) + "\n", StandardCharsets.US_ASCII);
                Files.createLink(file, temp);
            } catch (FileAlreadyExistsException raced) {
                return read(file);
            } finally {
                Files.deleteIfExists(temp);
            }
            return new ServerSecret(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret key file " + file, e);
        }
    }

    private static Path createOwnerOnly(Path directory) throws IOException {
        try {
            return Files.createTempFile(directory, ".warden-secret-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createTempFile(directory, ".warden-secret-", ".tmp");
        }
    }

    private static ServerSecret read(Path file) throws IOException {
        try {
            return ofBase64(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException invalid) {
            // Without the file's name, "Illegal base64 character 2d" leaves the operator guessing which file.
            throw new IllegalArgumentException("the secret key file " + file + " does not hold a valid secret: "
                    + invalid.getMessage() + " (expected base64 of at least 32 bytes, as from: openssl rand -base64"
                    + " 32)", invalid);
        }
    }

    /** A 32-byte key for one purpose; the same purpose always gives the same key. */
    byte[] derive(String purpose) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(root, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JDK", e);
        }
    }

    public KeyHasher keyHasher() {
        return new KeyHasher(derive("warden/virtual-key-hmac/v1"));
    }

    public SecretBox secretBox(SecureRandom random) {
        return new SecretBox(derive("warden/credential-aes-gcm/v1"), random);
    }

    @Override
    public String toString() {
        return "ServerSecret[***]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ServerSecret secret && Arrays.equals(secret.root, root);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(root);
    }
}
