package dev.warden.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Encodings load on first use (they are tens of megabytes of heap), once, whoever asks first. */
class TokenCounterTest {

    @Test
    void nothingIsLoadedUntilACountNeedsIt() {
        var counter = TokenCounter.create();
        assertThat(counter.loaded()).isFalse();
        assertThat(counter.count("", "gpt-4o")).isZero();
        assertThat(counter.loaded()).as("an empty text needs no encoding").isFalse();
        assertThat(counter.count("hello world", "gpt-4o")).isEqualTo(2);
        assertThat(counter.loaded()).isTrue();
    }

    @Test
    void manyFirstCallsAtOnceAllCountTheSame() throws Exception {
        var counter = TokenCounter.create();
        var calls = new ArrayList<Callable<Long>>();
        for (int i = 0; i < 16; i++) {
            var model = i % 2 == 0 ? "gpt-4o-mini" : "gpt-4";
            calls.add(() -> counter.count("The quick brown fox jumps over the lazy dog.", model));
        }
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var counts = new ArrayList<Long>();
            for (var result : pool.invokeAll(calls)) {
                counts.add(result.get());
            }
            // Both encodings split this sentence into ten tokens.
            assertThat(counts).containsOnly(10L);
        }
        assertThat(counter.encodingFor("gpt-4o")).isSameAs(counter.encodingFor("o3-mini"));
        assertThat(counter.encodingFor("gpt-4")).isNotSameAs(counter.encodingFor("gpt-4o"));
    }
}
