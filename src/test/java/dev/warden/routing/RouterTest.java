package dev.warden.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import dev.warden.provider.Provider;
import dev.warden.provider.echo.EchoProvider;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouterTest {
    private final Provider vllm = EchoProvider.create("vllm", InstantSource.system(), () -> "id");
    private final Provider openai = EchoProvider.create("openai", InstantSource.system(), () -> "id");

    private Router router(boolean allowDirect) {
        return Router.create(List.of(
                        new Route("llama", List.of(new Route.Destination("vllm", "meta-llama/Llama-3.1-8B")), ""),
                        new Route("meta-llama/Llama-3.1-8B", List.of(new Route.Destination("openai", "x")), ""),
                        new Route("gpt", List.of(new Route.Destination("openai", "gpt-4o"),
                                new Route.Destination("vllm", "fallback")), "")),
                List.of(vllm, openai), allowDirect, 1700000000L);
    }

    @Test
    void anAliasResolvesToItsFirstTarget() {
        var target = router(true).resolve("gpt");
        assertThat(target.deployment()).isEqualTo("openai");
        assertThat(target.upstreamModel()).isEqualTo("gpt-4o");
    }

    @Test
    void deploymentSlashModelGoesStraightToThatDeployment() {
        var target = router(true).resolve("vllm/Qwen/Qwen2.5-7B-Instruct");
        assertThat(target.deployment()).isEqualTo("vllm");
        assertThat(target.upstreamModel()).isEqualTo("Qwen/Qwen2.5-7B-Instruct");
    }

    @Test
    void anAliasContainingASlashWinsOverTheDirectForm() {
        assertThat(router(true).resolve("meta-llama/Llama-3.1-8B").deployment()).isEqualTo("openai");
    }

    @Test
    void unknownModelsAndDisabledDirectAddressingAre404ModelNotFound() {
        for (var model : new String[] {"nope", "missing/model", "vllm/", "/x"}) {
            assertThatThrownBy(() -> router(true).resolve(model))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.error()).isInstanceOf(ApiError.NotFound.class);
                        assertThat(((ApiError.NotFound) e.error()).code()).isEqualTo("model_not_found");
                        assertThat(e.error().status()).isEqualTo(404);
                    });
        }
        assertThatThrownBy(() -> router(false).resolve("vllm/anything")).isInstanceOf(ApiException.class);
    }

    @Test
    void theCatalogListsAliasesInConfigurationOrder() {
        assertThat(router(true).catalog()).extracting(m -> m.id())
                .containsExactly("llama", "meta-llama/Llama-3.1-8B", "gpt");
    }

    @Test
    void aRouteToAnUnknownDeploymentIsAConfigurationError() {
        assertThatThrownBy(() -> Router.create(
                List.of(new Route("x", List.of(new Route.Destination("ghost", "m")), "")),
                List.of(vllm), true, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ghost");
    }
}
