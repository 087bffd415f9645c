package dev.warden.pipeline;

import dev.warden.llm.ApiError;
import dev.warden.llm.ModelInfo;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** The innermost stage: calls the routed provider, or answers catalogue operations from the model list. */
public final class InvokeStage implements Stage {
    private final Supplier<List<ModelInfo>> catalog;

    /** @param catalog the models clients may name, as /v1/models lists them */
    public InvokeStage(Supplier<List<ModelInfo>> catalog) {
        this.catalog = catalog;
    }

    @Override
    public Slot slot() {
        return Slot.INVOKE;
    }

    @Override
    public Reply apply(Exchange exchange, Chain next) {
        var operation = exchange.requireOperation();
        var notes = exchange.notes();
        return switch (operation) {
            case Operation.ListModels ignored -> new Reply.Models(catalog.get());
            case Operation.CountTokens count -> new Reply.Local(count);
            case Operation.Preload preload -> new Reply.Local(preload);
            case Operation.GetModel(var id) -> catalog.get().stream()
                    .filter(model -> model.id().equals(id))
                    .findFirst()
                    .<Reply>map(Reply.Model::new)
                    .orElseGet(() -> new Reply.Failure(ApiError.NotFound.model(id)));
            case Operation.Chat(var request) -> withTarget(exchange, target -> {
                var upstream = request.withModel(target.upstreamModel());
                return request.stream()
                        ? new Reply.Streamed(target.provider().streamChat(upstream, exchange.sink(), notes))
                        : new Reply.Chat(target.provider().chat(upstream, notes));
            });
            case Operation.Completion(var request) -> withTarget(exchange, target -> {
                var upstream = request.withModel(target.upstreamModel());
                return request.stream()
                        ? new Reply.Streamed(target.provider().streamComplete(upstream, exchange.sink(), notes))
                        : new Reply.Completion(target.provider().complete(upstream, notes));
            });
            case Operation.Embeddings(var request) -> withTarget(exchange,
                    target -> new Reply.Embeddings(target.provider().embed(
                            request.withModel(target.upstreamModel()), notes)));
        };
    }

    private static Reply withTarget(Exchange exchange, Function<Target, Reply> call) {
        return exchange.target()
                .map(call)
                .orElseGet(() -> new Reply.Failure(new ApiError.Internal("The request was not routed.")));
    }
}
