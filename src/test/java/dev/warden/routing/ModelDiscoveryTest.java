package dev.warden.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.llm.ModelInfo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ModelDiscoveryTest {

    @Test
    void listsWhatEachDeploymentReportsAndKeepsTheLastListWhenAnUpstreamFails() {
        var calls = new AtomicInteger();
        var discovery = ModelDiscovery.start(Map.of(
                "gpu-box", () -> {
                    if (calls.incrementAndGet() > 1) {
                        throw new IllegalStateException("connection refused");
                    }
                    return List.of(new ModelInfo("llama3.2:latest", "ollama", 7), new ModelInfo("qwen3", "ollama", 8));
                },
                "another", List::of), Duration.ofHours(1));
        try {
            discovery.refresh();
            var first = discovery.models();
            discovery.refresh();
            assertThat(discovery.models()).isEqualTo(first);
            assertThat(first).extracting(ModelInfo::id).containsExactly("gpu-box/llama3.2:latest", "gpu-box/qwen3");
            assertThat(first).extracting(ModelInfo::ownedBy).containsOnly("gpu-box");
        } finally {
            discovery.close();
        }
    }

    @Test
    void withNothingToAskItListsNothing() {
        try (var discovery = ModelDiscovery.start(Map.of(), Duration.ofSeconds(1))) {
            discovery.refresh();
            assertThat(discovery.models()).isEmpty();
        }
    }
}
