package dev.warden.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class KeyMinterTest {

    /** Hands out the same byte forever, so the minted key is known in advance. */
    private static SecureRandom constant(int value) {
        return new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                Arrays.fill(bytes, (byte) value);
            }
        };
    }

    @Test
    void aKeyIsTheMarkerAnd256RandomBitsInBase64Url() {
        assertThat(new KeyMinter(constant(0)).mint()).isEqualTo("wk-" + "A".repeat(43));
        // 0xFB bytes use both URL-safe characters and no padding.
        var key = new KeyMinter(constant(0xFB)).mint();
        assertThat(key).startsWith("wk-").hasSize(46).contains("-", "_").doesNotContain("+", "/", "=");
    }

    @Test
    void mintedKeysAreRecognisedAndDistinct() {
        var minter = new KeyMinter(new SecureRandom());
        var seen = new HashSet<String>();
        for (int i = 0; i < 200; i++) {
            var key = minter.mint();
            assertThat(key).matches("wk-[A-Za-z0-9_-]{43}");
            assertThat(KeyMinter.looksLikeVirtualKey(key)).isTrue();
            assertThat(seen.add(key)).isTrue();
        }
    }

    @Test
    void otherCredentialsAreNotTakenForVirtualKeys() {
        assertThat(KeyMinter.looksLikeVirtualKey("sk-" + "A".repeat(43))).isFalse();
        assertThat(KeyMinter.looksLikeVirtualKey("wk-" + "A".repeat(42))).isFalse();
        assertThat(KeyMinter.looksLikeVirtualKey("wk-" + "A".repeat(44))).isFalse();
        assertThat(KeyMinter.looksLikeVirtualKey("eyJhbGciOiJSUzI1NiJ9.e30.sig")).isFalse();
    }

    @Test
    void theDisplayPrefixShowsTheMarkerAndSixCharacters() {
        var key = "wk-AbC12xyzREST" + "q".repeat(32);
        assertThat(KeyMinter.displayPrefix(key)).isEqualTo("wk-AbC12x…");
        assertThat(KeyMinter.displayPrefix(new KeyMinter(new SecureRandom()).mint())).hasSize(10).endsWith("…");
        // Never more than the key itself.
        assertThat(KeyMinter.displayPrefix("wk-ab")).isEqualTo("wk-ab…");
    }
}
