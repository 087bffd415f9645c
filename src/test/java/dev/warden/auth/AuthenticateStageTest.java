package dev.warden.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.llm.ApiError;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Operation;
import dev.warden.pipeline.Principal;
import dev.warden.pipeline.Reply;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthenticateStageTest {
    private final AuthenticateStage stage = new AuthenticateStage(Authenticator.masterOnly("sk-master-123"));

    private static Exchange presenting(String key) {
        return new Exchange("req", "openai", "/v1/models", Instant.EPOCH, 0, key, Operation.ListModels::new,
                event -> { });
    }

    @Test
    void theMasterKeyAuthenticatesAsTheMasterPrincipal() {
        var exchange = presenting("sk-master-123");
        var reply = stage.apply(exchange, ex -> new Reply.Models(List.of()));
        assertThat(reply).isEqualTo(new Reply.Models(List.of()));
        assertThat(exchange.principal()).contains(Principal.MASTER);
    }

    @Test
    void aWrongOrMissingKeyIsRejectedWithoutCallingLaterStages() {
        for (var key : new String[] {"sk-master-12", "sk-master-1234", "SK-MASTER-123", "", null}) {
            var exchange = presenting(key);
            var reply = stage.apply(exchange, ex -> {
                throw new AssertionError("later stage ran for key " + key);
            });
            assertThat(reply).isInstanceOf(Reply.Failure.class);
            assertThat(((Reply.Failure) reply).error()).isInstanceOf(ApiError.Unauthenticated.class);
            assertThat(exchange.principal()).isEmpty();
        }
    }
}
