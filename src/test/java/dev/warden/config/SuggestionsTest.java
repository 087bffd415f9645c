package dev.warden.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> KEYS = List.of("connect", "first_byte", "stream_idle");

    @Test
    void closeMisspellingsAreSuggested() {
        assertThat(Suggestions.closest("first-byte", KEYS)).contains("first_byte");
        assertThat(Suggestions.closest("STREAM_IDLE", KEYS)).contains("stream_idle");
        assertThat(Suggestions.closest("conect", KEYS)).contains("connect");
    }

    @Test
    void farOffWordsAreNot() {
        assertThat(Suggestions.closest("retries", KEYS)).isEmpty();
        assertThat(Suggestions.hint("retries", KEYS)).isEqualTo("; valid: connect, first_byte, stream_idle");
    }

    @Test
    void editDistance() {
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
        assertThat(Suggestions.distance("same", "same")).isZero();
    }
}
