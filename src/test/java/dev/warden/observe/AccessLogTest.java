package dev.warden.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.llm.Usage;
import dev.warden.pipeline.RequestRecord;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import dev.warden.identity.Owner;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class AccessLogTest {

    private static RequestRecord record(String id) {
        return new RequestRecord(Instant.parse("2026-11-24T10:00:00Z"), id, "openai", "/v1/chat/completions",
                "key_1", new Owner("usr_1", List.of("team_1"), "org_1", null), "gpt", "openai", "gpt-4o", true, 200, "truncated", null, new Usage(12, 34, 5, 6, false),
                12.3456, 3.2, 200, List.of("logit_bias"), new java.math.BigDecimal("0.00012345"), false);
    }

    @Test
    void writesOneJsonLinePerRequestWithStableFieldNames() throws Exception {
        var out = new ByteArrayOutputStream();
        var log = AccessLog.create(out, 16, new JsonFactory());
        log.record(record("req_a"));
        log.record(record("req_b"));
        log.close();

        var lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        var first = new ObjectMapper().readTree(lines.getFirst());
        assertThat(first.get("request_id").asText()).isEqualTo("req_a");
        assertThat(first.get("outcome").asText()).isEqualTo("truncated");
        assertThat(first.get("principal").asText()).isEqualTo("key_1");
        assertThat(first.get("user").asText()).isEqualTo("usr_1");
        assertThat(first.get("teams").get(0).asText()).isEqualTo("team_1");
        assertThat(first.get("org").asText()).isEqualTo("org_1");
        assertThat(first.get("cost_usd").decimalValue()).isEqualByComparingTo("0.00012345");
        assertThat(first.get("prompt_tokens").asLong()).isEqualTo(12);
        assertThat(first.get("cached_tokens").asLong()).isEqualTo(5);
        assertThat(first.get("latency_ms").asDouble()).isEqualTo(12.346);
        assertThat(first.get("dropped_params").get(0).asText()).isEqualTo("logit_bias");
        assertThat(first.has("error")).isFalse();
    }

    @Test
    void neverBlocksTheCallerAndCountsWhatItHadToDrop() throws Exception {
        var release = new CountDownLatch(1);
        var out = new ByteArrayOutputStream();
        OutputStream stuck = new OutputStream() {
            @Override
            public void write(int b) {
                await(release);
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                await(release);
                out.write(b, off, len);
            }
        };
        var log = AccessLog.create(stuck, 4, new JsonFactory());
        // A blocking record() would deadlock here (the destination is released only afterwards); the timeout
        // turns that hang into a failure.
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () -> {
            for (int i = 0; i < 100; i++) {
                log.record(record("req_" + i));
            }
        });
        assertThat(log.droppedCount()).isGreaterThanOrEqualTo(90);
        release.countDown();
        // Once the first batch is out, the queue has room again and nothing more is lost.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (out.size() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        log.record(record("req_after"));
        log.close();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("access_log_dropped").contains("req_after");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
