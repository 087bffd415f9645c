package dev.warden.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerSecretTest {
    @TempDir
    Path directory;

    private static String base64(int length) {
        var bytes = new byte[length];
        Arrays.fill(bytes, (byte) 7);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void aMissingFileIsCreatedOwnerOnlyWithAFreshSecret() throws IOException {
        var file = directory.resolve("nested/dir/warden.secret");
        var created = ServerSecret.fromFile(file, new SecureRandom());

        assertThat(file).exists();
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        var text = Files.readString(file, StandardCharsets.US_ASCII);
        assertThat(Base64.getDecoder().decode(text.strip())).hasSize(32);

        var readBack = ServerSecret.fromFile(file, new SecureRandom());
        assertThat(readBack).isEqualTo(created).hasSameHashCodeAs(created);
        assertThat(readBack.keyHasher().hash("wk-x")).isEqualTo(created.keyHasher().hash("wk-x"));
        assertThat(readBack.secretBox(new SecureRandom()).open(created.secretBox(new SecureRandom()).seal("v", "c"),
                "c")).isEqualTo("v");
        assertThat(Files.readString(file, StandardCharsets.US_ASCII)).as("reading leaves it unchanged").isEqualTo(text);
    }

    @Test
    void twoFreshFilesHoldDifferentSecrets() {
        var first = ServerSecret.fromFile(directory.resolve("a.secret"), new SecureRandom());
        var second = ServerSecret.fromFile(directory.resolve("b.secret"), new SecureRandom());
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void instancesCreatingTheFileAtOnceAllGetTheSecretItHolds() throws Exception {
        for (int i = 0; i < 100; i++) {
            var file = directory.resolve("race-" + i + ".secret");
            var start = new CountDownLatch(1);
            Callable<ServerSecret> create = () -> {
                start.await();
                return ServerSecret.fromFile(file, new SecureRandom());
            };
            try (var executor = Executors.newFixedThreadPool(2)) {
                var first = executor.submit(create);
                var second = executor.submit(create);
                start.countDown();
                assertThat(first.get()).as("attempt %d", i).isEqualTo(second.get())
                        .isEqualTo(ServerSecret.fromFile(file, new SecureRandom()));
            }
        }
        try (var left = Files.list(directory)) {
            assertThat(left).as("no temporary files left").allMatch(path -> path.toString().endsWith(".secret"));
        }
    }

    @Test
    void anExistingFileIsReadWithSurroundingWhitespace() throws IOException {
        var file = directory.resolve("given.secret");
        Files.writeString(file, "  " + base64(48) + "\n\n");
        assertThat(ServerSecret.fromFile(file, new SecureRandom())).isEqualTo(ServerSecret.ofBase64(base64(48)));
    }

    @Test
    void secretsShorterThan32BytesAreRejected() throws IOException {
        assertThatIllegalArgumentException().isThrownBy(() -> ServerSecret.ofBase64(base64(31)))
                .withMessageContaining("at least 32 bytes");
        assertThat(ServerSecret.ofBase64(base64(32))).isNotNull();
        var file = directory.resolve("short.secret");
        Files.writeString(file, base64(16));
        assertThatIllegalArgumentException().isThrownBy(() -> ServerSecret.fromFile(file, new SecureRandom()))
                .withMessageContaining("at least 32 bytes");
    }

    @Test
    void aKeyFileThatIsNotASecretIsNamedInTheError() throws IOException {
        var notBase64 = directory.resolve("garbled.secret");
        Files.writeString(notBase64, "not-base64!");
        assertThatIllegalArgumentException().isThrownBy(() -> ServerSecret.fromFile(notBase64, new SecureRandom()))
                .withMessageStartingWith("the secret key file " + notBase64 + " does not hold a valid secret: ")
                .withMessageEndingWith("(expected base64 of at least 32 bytes, as from: openssl rand -base64 32)");
        var tooShort = directory.resolve("short.secret");
        Files.writeString(tooShort, base64(16));
        assertThatIllegalArgumentException().isThrownBy(() -> ServerSecret.fromFile(tooShort, new SecureRandom()))
                .withMessageStartingWith("the secret key file " + tooShort + " does not hold a valid secret: the"
                        + " server secret must be at least 32 bytes");
    }

    @Test
    void eachPurposeGetsItsOwnKey() {
        var secret = ServerSecret.ofBase64(base64(32));
        assertThat(secret.derive("a")).hasSize(32).isEqualTo(secret.derive("a")).isNotEqualTo(secret.derive("b"));
        assertThat(secret.derive("a")).isNotEqualTo(ServerSecret.ofBase64(base64(33)).derive("a"));
    }

    @Test
    void keyHashesAreHexHmacsThatDependOnTheSecret() {
        var hasher = ServerSecret.ofBase64(base64(32)).keyHasher();
        var hash = hasher.hash("wk-abc");
        assertThat(hash).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(hasher.hash("wk-abc")).isEqualTo(hash);
        assertThat(hasher.hash("wk-abd")).isNotEqualTo(hash);
        assertThat(ServerSecret.ofBase64(base64(40)).keyHasher().hash("wk-abc")).isNotEqualTo(hash);
    }

    @Test
    void theRootIsCopiedNotShared() {
        var a = ServerSecret.ofBase64(base64(32));
        assertThat(a).isEqualTo(ServerSecret.ofBase64(base64(32))).isNotEqualTo(ServerSecret.ofBase64(base64(33)));
        assertThat(new HashSet<>(List.of(a, ServerSecret.ofBase64(base64(32))))).hasSize(1);
    }
}
