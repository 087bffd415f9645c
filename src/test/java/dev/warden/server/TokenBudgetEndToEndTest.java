package dev.warden.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.RunningGateway;
import dev.warden.testkit.FakeOpenAiUpstream;
import dev.warden.testkit.TestDatabase;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Token budgets through the running server: a key is served until its standard tokens are spent, then refused with
 * 429 and Retry-After, and a frontier-priced model spends them fifteen times faster than a standard one.
 *
 * <p>The fake upstream counts a word as a token. Every call here sends 100 one-letter words with max_tokens 1: the
 * gateway's estimate is 199 / 4 + 4 + 8 = 61 prompt tokens plus 1 output token (62 held), and the upstream reports
 * 100 prompt and 101 completion tokens ("Echo:" and the 100 words), 201 used.
 */
class TokenBudgetEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WORDS = "a ".repeat(99) + "a";
    private static final Pattern LEFT = Pattern.compile("(\\d+) standard tokens left of (\\d+)");

    private static String config(TestDatabase db, FakeOpenAiUpstream upstream) {
        return db.yaml() + """
                deployments:
                  - name: standard
                    provider: openai-compatible
                    base_url: %1$s
                    api_key: %2$s
                    pricing: {input: 2.5, output: 10}
                  - name: frontier
                    provider: openai-compatible
                    base_url: %1$s
                    api_key: %2$s
                    pricing: {input: 15, output: 75}
                models:
                  - name: standard-gpt
                    deployment: standard
                    model: gpt-4o
                  - name: frontier-gpt
                    deployment: frontier
                    model: gpt-4o
                """.formatted(upstream.baseUrl(), upstream.apiKey());
    }

    private static String key(RunningGateway gateway, String limits) throws Exception {
        var created = gateway.post("/admin/v1/keys", "{\"limits\": " + limits + "}", "Authorization",
                "Bearer " + RunningGateway.MASTER_KEY, "Content-Type", "application/json");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("key").asText();
    }

    private static HttpResponse<String> chat(RunningGateway gateway, String key, String model, long maxTokens) {
        return gateway.post("/v1/chat/completions", "{\"model\": \"" + model + "\", \"max_tokens\": " + maxTokens
                + ", \"messages\": [{\"role\": \"user\", \"content\": \"" + WORDS + "\"}]}", "Authorization",
                "Bearer " + key, "Content-Type", "application/json");
    }

    @Test
    void aKeyIsServedUntilItsTokenBudgetIsSpentThenRefusedWithRetryAfter() throws Exception {
        try (var db = TestDatabase.sqlite(); var upstream = FakeOpenAiUpstream.start();
                var gateway = RunningGateway.start(config(db, upstream), Map.of())) {
            var key = key(gateway, "{\"token_budget\": 1000, \"token_budget_window\": \"daily\"}");
            int served = 0;
            HttpResponse<String> last = null;
            for (int i = 0; i < 50; i++) {
                last = chat(gateway, key, "standard-gpt", 1);
                if (last.statusCode() != 200) {
                    break;
                }
                served++;
            }
            // The k-th call fits while 201 k + 62 <= 1000: calls 0 to 4, after which 1005 are spent.
            assertThat(served).isEqualTo(5);
            assertThat(last.statusCode()).isEqualTo(429);
            assertThat(Long.parseLong(last.headers().firstValue("retry-after").orElseThrow())).isBetween(1L, 86_400L);
            var error = JSON.readTree(last.body()).get("error");
            assertThat(error.get("type").asText()).isEqualTo("rate_limit_error");
            assertThat(error.get("message").asText()).startsWith("Token budget exceeded for key:")
                    .contains(": 0 standard tokens left of 1000")
                    .contains("this call may use up to 62");
        }
    }

    @Test
    void aFrontierModelSpendsATokenBudgetFifteenTimesFaster() throws Exception {
        try (var db = TestDatabase.sqlite(); var upstream = FakeOpenAiUpstream.start();
                var gateway = RunningGateway.start(config(db, upstream), Map.of())) {
            var onStandard = key(gateway, "{\"token_budget\": 100000}");
            var onFrontier = key(gateway, "{\"token_budget\": 100000}");
            assertThat(chat(gateway, onStandard, "standard-gpt", 1).statusCode()).isEqualTo(200);
            assertThat(chat(gateway, onFrontier, "frontier-gpt", 1).statusCode()).isEqualTo(200);
            long standardUsed = 100_000 - left(gateway, onStandard);
            long frontierUsed = 100_000 - left(gateway, onFrontier);
            assertThat(standardUsed).isEqualTo(201);
            assertThat(frontierUsed).isEqualTo(15 * standardUsed);
        }
    }

    /** What is left of a key's token budget, read from the refusal of a call too large for any of it. */
    private static long left(RunningGateway gateway, String key) throws Exception {
        var probe = chat(gateway, key, "standard-gpt", 1_000_000);
        assertThat(probe.statusCode()).as(probe.body()).isEqualTo(429);
        var matcher = LEFT.matcher(JSON.readTree(probe.body()).at("/error/message").asText());
        assertThat(matcher.find()).isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
