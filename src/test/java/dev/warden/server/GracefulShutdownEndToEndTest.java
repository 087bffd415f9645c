package dev.warden.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.RunningGateway;
import dev.warden.testkit.FakeBehaviour;
import dev.warden.testkit.FakeOpenAiUpstream;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Shutdown drains: streams in flight finish with [DONE], while readiness fails and new calls are refused. */
class GracefulShutdownEndToEndTest {

    @Test
    void aStreamInFlightFinishesWhileTheGatewayDrains() throws Exception {
        try (var upstream = FakeOpenAiUpstream.start()) {
            var gateway = RunningGateway.start("""
                    deployments:
                      - name: fake
                        provider: openai-compatible
                        base_url: ${UPSTREAM}
                        api_key: ${UPSTREAM_KEY}
                    models:
                      - name: gpt
                        deployment: fake
                        model: gpt-4o
                    """, Map.of("UPSTREAM", upstream.baseUrl().toString(), "UPSTREAM_KEY", upstream.apiKey()));
            var chunks = new ArrayList<String>();
            for (int i = 0; i < 15; i++) {
                chunks.add("{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\","
                        + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"w" + i + " \"},\"finish_reason\":"
                        + (i == 14 ? "\"stop\"" : "null") + "}]}");
            }
            upstream.enqueue(FakeBehaviour.stream(chunks, 100));
            var body = "{\"model\":\"gpt\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"go\"}]}";

            var inFlight = CompletableFuture.supplyAsync(() -> gateway.postJson("/v1/chat/completions", body));
            while (upstream.requests().isEmpty()) {
                Thread.sleep(10);
            }
            var shutdown = CompletableFuture.runAsync(gateway::close);
            while (gateway.get("/health/ready").statusCode() != 503) {
                Thread.sleep(10);
            }
            var refused = gateway.postJson("/v1/chat/completions", body);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).contains("shutting down");

            var streamed = inFlight.get(20, TimeUnit.SECONDS);
            assertThat(streamed.statusCode()).isEqualTo(200);
            assertThat(streamed.body()).contains("w14 ").endsWith("data: [DONE]\n\n");
            shutdown.get(20, TimeUnit.SECONDS);
            assertThat(upstream.requests()).hasSize(1);
        }
    }
}
