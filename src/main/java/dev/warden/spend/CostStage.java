package dev.warden.spend;

import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import dev.warden.llm.Usage;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Principal;
import dev.warden.pipeline.Reply;
import dev.warden.pipeline.Slot;
import dev.warden.pipeline.Stage;
import dev.warden.pipeline.Target;
import dev.warden.pricing.CostCalculator;
import dev.warden.pricing.TokenCounts;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Prices every call. Before it: a principal with a budget may not use a model without a known price (unless its
 * deployment says {@code unpriced: allow}), because its budget could not be kept; the target is previewed with the
 * same routing the route stage will use. After it: the cost of the tokens used (exact decimals) goes on the
 * exchange, for the record and spend, and in the {@code x-warden-cost-usd} header of non-streamed answers (a stream's
 * headers leave before its cost is known; its cost is in the access log). Unpriced calls are counted.
 */
public final class CostStage implements Stage {
    public static final String COST_HEADER = "x-warden-cost-usd";

    private final PriceSource prices;
    private final Function<Exchange, Optional<Target>> preview;
    private final AtomicLong unpricedCalls = new AtomicLong();

    /** @param preview where the route stage will send this exchange (throws its 404/403 as it would) */
    public CostStage(PriceSource prices, Function<Exchange, Optional<Target>> preview) {
        this.prices = prices;
        this.preview = preview;
    }

    @Override
    public Slot slot() {
        return Slot.BUDGET;
    }

    @Override
    public Reply apply(Exchange exchange, Chain next) {
        var principal = exchange.principal().orElseThrow(() -> new IllegalStateException("not authenticated"));
        if (budgeted(principal) && exchange.requireOperation().model().isPresent()) {
            Optional<Target> target;
            try {
                target = preview.apply(exchange);
            } catch (ApiException unroutable) {
                return new Reply.Failure(unroutable.error());
            }
            if (target.isPresent()
                    && prices.lookup(target.get().deployment(), target.get().upstreamModel())
                            instanceof PriceSource.Lookup.Unpriced(var allowed) && !allowed) {
                return new Reply.Failure(new ApiError.PermissionDenied("The model '" + target.get().upstreamModel()
                        + "' on deployment '" + target.get().deployment() + "' has no known price, and this caller"
                        + " has a budget, which could not be kept. An admin can price it (deployments[].pricing) or"
                        + " allow it unpriced (unpriced: allow)."));
            }
        }
        var reply = next.proceed(exchange);
        var usage = usage(reply);
        var target = exchange.target();
        if (usage == null || target.isEmpty()) {
            return reply;
        }
        var price = prices.price(target.get().deployment(), target.get().upstreamModel());
        if (price.isEmpty()) {
            unpricedCalls.incrementAndGet();
            exchange.unpriced();
            return reply;
        }
        var cost = CostCalculator.cost(price.get(), new TokenCounts(usage.promptTokens(), usage.completionTokens(),
                Math.min(usage.cachedTokens(), usage.promptTokens()), 0,
                Math.min(usage.reasoningTokens(), usage.completionTokens()), usage.estimated()));
        exchange.cost(cost);
        exchange.responseHeader(COST_HEADER, CostCalculator.render(cost));
        return reply;
    }

    private static boolean budgeted(Principal principal) {
        for (var line : principal.limits()) {
            if (line.limits().budgetUsd() != null) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable Usage usage(Reply reply) {
        return switch (reply) {
            case Reply.Chat chat -> chat.response().usage();
            case Reply.Completion completion -> completion.response().usage();
            case Reply.Embeddings embeddings -> embeddings.response().usage();
            case Reply.Streamed streamed -> streamed.outcome().usage();
            default -> null;
        };
    }

    /** Calls served without a price since start. */
    public long unpricedCalls() {
        return unpricedCalls.get();
    }
}
