package dev.warden.pipeline;

import dev.warden.identity.Owner;
import dev.warden.llm.ApiError;
import dev.warden.llm.StreamOutcome;
import dev.warden.llm.Usage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The outermost stage: after everything else, turns the exchange and its reply into a {@link RequestRecord}. */
public final class RecordStage implements Stage {
    private final List<RecordSink> sinks;

    public RecordStage(List<RecordSink> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    @Override
    public Slot slot() {
        return Slot.RECORD;
    }

    @Override
    public Reply apply(Exchange exchange, Chain next) {
        var reply = next.proceed(exchange);
        var record = toRecord(exchange, reply, System.nanoTime());
        for (var sink : sinks) {
            sink.record(record);
        }
        return reply;
    }

    static RequestRecord toRecord(Exchange exchange, Reply reply, long nowNanos) {
        var operation = exchange.operation();
        var target = exchange.target();
        @Nullable Usage usage = null;
        int status = 200;
        String outcome = "ok";
        @Nullable String errorType = null;
        switch (reply) {
            case Reply.Chat chat -> usage = chat.response().usage();
            case Reply.Completion completion -> usage = completion.response().usage();
            case Reply.Embeddings embeddings -> usage = embeddings.response().usage();
            case Reply.Models ignored -> { }
            case Reply.Model ignored -> { }
            case Reply.Local ignored -> { }
            case Reply.Streamed(var streamOutcome) -> {
                usage = streamOutcome.usage();
                outcome = switch (streamOutcome) {
                    case StreamOutcome.Complete c -> "complete";
                    case StreamOutcome.Truncated t -> "truncated";
                    case StreamOutcome.Failed f -> "upstream_error";
                    case StreamOutcome.ClientGone g -> "client_gone";
                };
                if (streamOutcome instanceof StreamOutcome.Failed(var u, var error)) {
                    errorType = errorType(error);
                }
            }
            case Reply.Failure(var error) -> {
                status = error.status();
                outcome = "error";
                errorType = errorType(error);
            }
        }
        long first = exchange.firstEventNanos();
        return new RequestRecord(
                exchange.received(),
                exchange.requestId(),
                exchange.dialect(),
                exchange.endpoint(),
                exchange.principal().map(Principal::id).orElse(null),
                exchange.principal().map(Principal::owner).orElse(Owner.NONE),
                operation.flatMap(Operation::model).orElse(null),
                target.map(Target::deployment).orElse(null),
                target.map(Target::upstreamModel).orElse(null),
                operation.map(Operation::streaming).orElse(false),
                status,
                outcome,
                errorType,
                usage,
                (nowNanos - exchange.startNanos()) / 1e6,
                first == 0 ? -1 : (first - exchange.startNanos()) / 1e6,
                exchange.notes().upstreamStatus(),
                exchange.notes().droppedParams(),
                exchange.cost().orElse(null),
                exchange.isUnpriced());
    }

    private static String errorType(ApiError error) {
        return switch (error) {
            case ApiError.Upstream upstream when upstream.code() != null -> "upstream:" + upstream.code();
            default -> error.getClass().getSimpleName();
        };
    }
}
