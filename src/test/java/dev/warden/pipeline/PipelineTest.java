package dev.warden.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import dev.warden.llm.ClientGoneException;
import dev.warden.llm.StreamOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineTest {

    private static Exchange exchange() {
        return new Exchange("req_1", "openai", "/v1/models", Instant.EPOCH, System.nanoTime(), "key",
                Operation.ListModels::new, event -> { });
    }

    /** A stage that logs its before- and after-steps, optionally short-circuiting. */
    private record Probe(Slot slot, List<String> log, boolean shortCircuit) implements Stage {
        @Override
        public Reply apply(Exchange exchange, Chain next) {
            log.add("before " + slot);
            if (shortCircuit) {
                return new Reply.Failure(new ApiError.PermissionDenied("no"));
            }
            var reply = next.proceed(exchange);
            log.add("after " + slot);
            return reply;
        }
    }

    @Test
    void runsStagesInSlotOrderWhateverOrderTheyAreGivenIn() {
        var log = new ArrayList<String>();
        var pipeline = Pipeline.of(List.of(
                new Probe(Slot.ROUTE, log, false),
                new Probe(Slot.RECORD, log, false),
                new Probe(Slot.AUTHENTICATE, log, false),
                terminal(log)));

        pipeline.handle(exchange());

        assertThat(log).containsExactly("before RECORD", "before AUTHENTICATE", "before ROUTE", "invoke",
                "after ROUTE", "after AUTHENTICATE", "after RECORD");
        assertThat(pipeline.slots()).containsExactly(Slot.RECORD, Slot.AUTHENTICATE, Slot.ROUTE, Slot.INVOKE);
    }

    @Test
    void aShortCircuitSkipsLaterStagesAndTheirAfterSteps() {
        var log = new ArrayList<String>();
        var pipeline = Pipeline.of(List.of(
                new Probe(Slot.RECORD, log, false),
                new Probe(Slot.AUTHORIZE, log, true),
                new Probe(Slot.BUDGET, log, false),
                terminal(log)));

        var reply = pipeline.handle(exchange());

        assertThat(reply).isInstanceOf(Reply.Failure.class);
        assertThat(((Reply.Failure) reply).error().status()).isEqualTo(403);
        assertThat(log).containsExactly("before RECORD", "before AUTHORIZE", "after RECORD");
    }

    @Test
    void apiExceptionsBecomeTypedFailuresAndBugsBecomeGenericInternalErrors() {
        var rejecting = Pipeline.of(List.of(stage(Slot.INVOKE, () -> {
            throw new ApiException(ApiError.NotFound.model("nope"));
        })));
        assertThat(rejecting.handle(exchange())).isEqualTo(new Reply.Failure(ApiError.NotFound.model("nope")));

        var buggy = Pipeline.of(List.of(stage(Slot.INVOKE, () -> {
            throw new IllegalStateException("secret internal detail");
        })));
        var reply = (Reply.Failure) buggy.handle(exchange());
        assertThat(reply.error()).isInstanceOf(ApiError.Internal.class);
        assertThat(reply.error().message()).contains("req_1").doesNotContain("secret internal detail");
    }

    @Test
    void aClientThatLeftIsRecordedAsClientGone() {
        var pipeline = Pipeline.of(List.of(stage(Slot.INVOKE, () -> {
            throw new ClientGoneException(new java.io.IOException("reset"));
        })));
        assertThat(pipeline.handle(exchange())).isEqualTo(new Reply.Streamed(new StreamOutcome.ClientGone(null)));
    }

    @Test
    void refusesTwoStagesInOneSlot() {
        var log = new ArrayList<String>();
        assertThatThrownBy(() -> Pipeline.of(List.of(new Probe(Slot.ROUTE, log, false),
                new Probe(Slot.ROUTE, log, false))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ROUTE");
    }

    private static Stage terminal(List<String> log) {
        return stage(Slot.INVOKE, () -> {
            log.add("invoke");
            return new Reply.Models(List.of());
        });
    }

    private static Stage stage(Slot slot, java.util.function.Supplier<Reply> body) {
        return new Stage() {
            @Override
            public Slot slot() {
                return slot;
            }

            @Override
            public Reply apply(Exchange exchange, Chain next) {
                return body.get();
            }
        };
    }
}
