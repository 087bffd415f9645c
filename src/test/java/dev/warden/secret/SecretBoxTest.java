package dev.warden.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretBoxTest {
    private static final String WRONG_SECRET = "a sealed value does not open with this server secret (was the secret"
            + " changed?)";
    private final SecureRandom random = new SecureRandom();
    private final SecretBox box = ServerSecret.ofBase64(base64(1)).secretBox(random);

    private static String base64(int fill) {
        var bytes = new byte[32];
        Arrays.fill(bytes, (byte) fill);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] payload(String sealed) {
        return Base64.getDecoder().decode(sealed.substring("v1:".length()));
    }

    private static String sealedForm(byte[] payload) {
        return "v1:" + Base64.getEncoder().encodeToString(payload);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sk-proj-abc123", "", "ünïcødé ✓ 🔑", "a\nmultiline\nsecret"})
    void aSealedValueOpensToItself(String plaintext) {
        var sealed = box.seal(plaintext, "deployment/openai/api_key");
        assertThat(sealed).startsWith("v1:");
        assertThat(SecretBox.isSealed(sealed)).isTrue();
        if (!plaintext.isEmpty()) {
            assertThat(sealed).doesNotContain(plaintext);
        }
        assertThat(box.open(sealed, "deployment/openai/api_key")).isEqualTo(plaintext);
    }

    @Test
    void theSealedFormIsNonceCiphertextAndTag() {
        var sealed = box.seal("0123456789", "ctx");
        // 12-byte nonce, the 10 plaintext bytes, 16-byte tag.
        assertThat(payload(sealed)).hasSize(12 + 10 + 16);
    }

    @Test
    void twoSealsOfTheSameValueUseDifferentNonces() {
        var first = box.seal("same", "ctx");
        var second = box.seal("same", "ctx");
        assertThat(first).isNotEqualTo(second);
        assertThat(Arrays.copyOf(payload(first), 12)).isNotEqualTo(Arrays.copyOf(payload(second), 12));
        assertThat(box.open(first, "ctx")).isEqualTo(box.open(second, "ctx")).isEqualTo("same");
    }

    @Test
    void flippingAnyByteIsDetected() {
        var sealed = box.seal("sk-secret-value", "ctx");
        var bytes = payload(sealed);
        // Every position: nonce, ciphertext and tag alike.
        for (int i = 0; i < bytes.length; i++) {
            var tampered = bytes.clone();
            tampered[i] ^= 0x01;
            var forged = sealedForm(tampered);
            assertThatIllegalArgumentException().as("byte %d", i).isThrownBy(() -> box.open(forged, "ctx"))
                    .withMessage(WRONG_SECRET);
        }
    }

    @Test
    void aValueSealedForOneContextDoesNotOpenInAnother() {
        var sealed = box.seal("sk-secret-value", "deployment/a/api_key");
        assertThatIllegalArgumentException().isThrownBy(() -> box.open(sealed, "deployment/b/api_key"));
        assertThatIllegalArgumentException().isThrownBy(() -> box.open(sealed, "deployment/a/headers.x-api-key"));
        assertThatIllegalArgumentException().isThrownBy(() -> box.open(sealed, ""));
        assertThat(box.open(sealed, "deployment/a/api_key")).isEqualTo("sk-secret-value");
    }

    @Test
    void aValueSealedUnderAnotherServerSecretIsRejectedWithAHint() {
        var other = ServerSecret.ofBase64(base64(2)).secretBox(random);
        var sealed = other.seal("sk-secret-value", "ctx");
        assertThatIllegalArgumentException().isThrownBy(() -> box.open(sealed, "ctx")).withMessage(WRONG_SECRET);
    }

    @Test
    void theSameServerSecretOpensWhatAnotherBoxSealed() {
        var again = ServerSecret.ofBase64(base64(1)).secretBox(new SecureRandom());
        assertThat(again.open(box.seal("v", "ctx"), "ctx")).isEqualTo("v");
    }

    @Test
    void malformedValuesAreRejectedWithoutAStackOfCryptoErrors() {
        assertThatIllegalArgumentException().isThrownBy(() -> box.open("sk-plain", "ctx"))
                .withMessage("not a sealed value");
        assertThatIllegalArgumentException().isThrownBy(() -> box.open("v1:not base64!", "ctx"))
                .withMessage("a sealed value is corrupt");
        // Shorter than a nonce and a tag.
        assertThatIllegalArgumentException().isThrownBy(() -> box.open(sealedForm(new byte[27]), "ctx"))
                .withMessage("a sealed value is corrupt");
        assertThatIllegalArgumentException().isThrownBy(() -> box.open("v1:", "ctx"))
                .withMessage("a sealed value is corrupt");
        // Truncating a real value loses (part of) the tag.
        var sealed = box.seal("sk-secret-value", "ctx");
        var truncated = sealedForm(Arrays.copyOf(payload(sealed), payload(sealed).length - 1));
        assertThatIllegalArgumentException().isThrownBy(() -> box.open(truncated, "ctx")).withMessage(WRONG_SECRET);
    }

    @Test
    void onlyTheVersionPrefixMarksASealedValue() {
        assertThat(SecretBox.isSealed("v1:abc")).isTrue();
        assertThat(SecretBox.isSealed("sk-abc")).isFalse();
        assertThat(SecretBox.isSealed("")).isFalse();
    }

    @Test
    void neverPrintsItsKey() {
        assertThat(box).hasToString("SecretBox[***]");
        assertThat(ServerSecret.ofBase64(base64(1))).hasToString("ServerSecret[***]");
        assertThat(ServerSecret.ofBase64(base64(1)).keyHasher()).hasToString("KeyHasher[***]");
    }
}
