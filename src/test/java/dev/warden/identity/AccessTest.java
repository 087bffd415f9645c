package dev.warden.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessTest {

    @Test
    void aModelMustPassEveryLevel() {
        var access = new Access(List.of(ModelAllowlist.of(List.of("llama-*", "gpt-4o")),
                ModelAllowlist.of(List.of("llama-3*"))), Set.of(), Set.of(), null);
        assertThat(access.allowsModel("llama-3.1")).isTrue();
        assertThat(access.allowsModel("llama-2")).isFalse();
        assertThat(access.allowsModel("gpt-4o")).isFalse();
    }

    @Test
    void levelsWithoutRestrictionsAreDropped() {
        var access = new Access(List.of(ModelAllowlist.ANY, ModelAllowlist.of(List.of())), Set.of(), Set.of(), null);
        assertThat(access.models()).isEmpty();
        assertThat(access.restrictsModels()).isFalse();
        assertThat(access).isEqualTo(Access.UNRESTRICTED);
    }

    @Test
    void emptyEndpointAndDeploymentSetsAllowAll() {
        assertThat(Access.UNRESTRICTED.allowsEndpoint(ApiEndpoint.EMBEDDINGS)).isTrue();
        assertThat(Access.UNRESTRICTED.allowsDeployment("any")).isTrue();
        var pinned = new Access(List.of(), Set.of(ApiEndpoint.MODELS), Set.of(), "local");
        assertThat(pinned.allowsDeployment("local")).isTrue();
        assertThat(pinned.allowsDeployment("remote")).isFalse();
        assertThat(pinned.allowsEndpoint(ApiEndpoint.MODELS)).isTrue();
        assertThat(pinned.allowsEndpoint(ApiEndpoint.CHAT)).isFalse();
    }

    @Test
    void endpointsParseTheirWireNames() {
        for (var endpoint : ApiEndpoint.values()) {
            assertThat(ApiEndpoint.parse(endpoint.wire())).contains(endpoint);
        }
        assertThat(ApiEndpoint.COUNT_TOKENS.wire()).isEqualTo("count_tokens");
        assertThat(ApiEndpoint.parse(" Chat ")).contains(ApiEndpoint.CHAT);
        assertThat(ApiEndpoint.parse("images")).isEmpty();
    }
}
