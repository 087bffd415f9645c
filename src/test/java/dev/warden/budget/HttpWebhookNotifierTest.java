package dev.warden.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpWebhookNotifierTest {
    private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");

    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;

    private URI serve(boolean block) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/hook", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (block) {
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private static ThresholdCrossing crossing(int percent) {
        return new ThresholdCrossing("team:t_1", "2026-11", percent, 10_000_000, percent * 100_000L, AT);
    }

    @Test
    void eachCrossingIsPostedAsJson() throws Exception {
        var url = serve(false);
        try (var notifier = HttpWebhookNotifier.start(HttpClient.newHttpClient(), url, Duration.ofSeconds(2), 10)) {
            notifier.notify(crossing(50));
            notifier.notify(crossing(80));
        }
        assertThat(bodies).hasSize(2);
        var first = new ObjectMapper().readValue(bodies.getFirst(), Map.class);
        assertThat(first).containsExactly(Map.entry("event", "budget.threshold"), Map.entry("scope", "team:t_1"),
                Map.entry("window", "2026-11"), Map.entry("threshold_percent", 50), Map.entry("unit", "usd"),
                Map.entry("cap_usd_micros", 10_000_000), Map.entry("spent_usd_micros", 5_000_000),
                Map.entry("at", "2026-11-24T10:00:00Z"));
        assertThat(bodies.get(1)).contains("\"threshold_percent\":80");
    }

    @Test
    void aTokenBudgetsCrossingSaysItCountsTokens() throws Exception {
        var url = serve(false);
        try (var notifier = HttpWebhookNotifier.start(HttpClient.newHttpClient(), url, Duration.ofSeconds(2), 10)) {
            notifier.notify(new ThresholdCrossing("key:k_1#tokens", "2026-11", 80, 1_000_000, 812_000, AT,
                    BudgetLine.Unit.TOKENS));
        }
        var body = new ObjectMapper().readValue(bodies.getFirst(), Map.class);
        assertThat(body).containsEntry("scope", "key:k_1#tokens").containsEntry("unit", "tokens")
                .containsEntry("cap_tokens", 1_000_000).containsEntry("spent_tokens", 812_000)
                .doesNotContainKeys("cap_usd_micros", "spent_usd_micros");
    }

    @Test
    void aStuckReceiverNeverBlocksTheCallerAndTheQueueStaysBounded() throws Exception {
        var url = serve(true);
        try (var notifier = HttpWebhookNotifier.start(HttpClient.newHttpClient(), url, Duration.ofSeconds(2), 2)) {
            assertTimeoutPreemptively(Duration.ofMillis(500), () -> {
                for (int i = 1; i <= 20; i++) {
                    notifier.notify(crossing(i));
                }
            });
            // One notice is being posted, two wait; the rest were dropped (timing decides whether the first was
            // taken off the queue before the others arrived).
            assertThat(notifier.dropped()).isBetween(17L, 18L);
            release.countDown();
        }
        assertThat(bodies).hasSizeBetween(2, 3);
    }

    @Test
    void anUnreachableReceiverIsLoggedNotThrown() throws Exception {
        serve(false);
        var nowhere = URI.create("http://127.0.0.1:1/hook");
        try (var notifier = HttpWebhookNotifier.start(HttpClient.newHttpClient(), nowhere, Duration.ofMillis(500),
                4)) {
            assertTimeoutPreemptively(Duration.ofMillis(200), () -> notifier.notify(crossing(100)));
        }
        assertThat(bodies).isEmpty();
    }
}
