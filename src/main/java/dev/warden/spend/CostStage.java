package dev.warden.spend;

import dev.warden.budget.BudgetLine;
import dev.warden.budget.Reservation;
import dev.warden.budget.ReserveResult;
import dev.warden.budget.SpendRecord;
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
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Prices every call and keeps budgets. Before it: the most the call can cost (estimated prompt at the input price,
 * its output limit at the output price) is reserved on every budget line of the caller (key, user, teams, org), all
 * or nothing, and a call that does not fit is refused with 429 until its window resets. Also before it: a principal with a budget may not use a model without a known price (unless its
 * deployment says {@code unpriced: allow}), because its budget could not be kept; the target is previewed with the
 * same routing the route stage will use. After it: the cost of the tokens used (exact decimals) goes on the
 * exchange, for the record and spend, and in the {@code x-warden-cost-usd} header of non-streamed answers (a stream's
 * headers leave before its cost is known; its cost is in the access log), the reservation is settled with it (or
 * released when no provider answered), crossed thresholds go to the webhook, and the spend ledger gets it.
 * Unpriced calls are counted.
 */
public final class CostStage implements Stage {
    public static final String COST_HEADER = "x-warden-cost-usd";

    private final PriceSource prices;
    private final Function<Exchange, Optional<Target>> preview;
    private final Budgets budgets;
    private final AtomicLong unpricedCalls = new AtomicLong();

    /** @param preview where the route stage will send this exchange (throws its 404/403 as it would) */
    public CostStage(PriceSource prices, Function<Exchange, Optional<Target>> preview, Budgets budgets) {
        this.prices = prices;
        this.preview = preview;
        this.budgets = budgets;
    }

    @Override
    public Slot slot() {
        return Slot.BUDGET;
    }

    @Override
    public Reply apply(Exchange exchange, Chain next) {
        var principal = exchange.principal().orElseThrow(() -> new IllegalStateException("not authenticated"));
        var operation = exchange.requireOperation();
        var now = budgets.clock().instant();
        var lines = operation.model().isPresent() ? budgets.lines(principal.limits(), now) : List.<BudgetLine>of();
        Reservation reservation = null;
        if (!lines.isEmpty()) {
            Optional<Target> target;
            try {
                target = preview.apply(exchange);
            } catch (ApiException unroutable) {
                return new Reply.Failure(unroutable.error());
            }
            long amount = 0;
            if (target.isPresent()) {
                var lookup = prices.lookup(target.get().deployment(), target.get().upstreamModel());
                if (lookup instanceof PriceSource.Lookup.Unpriced(var allowed) && !allowed) {
                    return new Reply.Failure(new ApiError.PermissionDenied("The model '"
                            + target.get().upstreamModel() + "' on deployment '" + target.get().deployment()
                            + "' has no known price, and this caller has a budget, which could not be kept. An admin"
                            + " can price it (deployments[].pricing) or allow it unpriced (unpriced: allow)."));
                }
                if (lookup instanceof PriceSource.Lookup.Priced(var price)) {
                    amount = Budgets.micros(CostCalculator.maxCost(price, Estimates.promptTokens(operation),
                            Estimates.maxOutputTokens(operation, budgets.defaultMaxOutput())));
                }
            }
            switch (budgets.ledger().reserve(lines, amount, now, budgets.reservationTtl())) {
                case ReserveResult.Granted granted -> reservation = granted.reservation();
                case ReserveResult.Refused refused -> {
                    var line = refused.line();
                    long wait = Math.max(1, Duration.between(now, line.span().end()).toSeconds());
                    return new Reply.Failure(new ApiError.RateLimited("Budget exceeded for " + line.scope() + ": "
                            + CostCalculator.render(dollars(refused.remaining())) + " USD left of "
                            + CostCalculator.render(dollars(line.cap())) + " in this window, and this call may cost up"
                            + " to " + CostCalculator.render(dollars(amount)) + ".", wait));
                }
                case ReserveResult.Unavailable unavailable -> {
                    return new Reply.Failure(new ApiError.Unavailable("Budgets cannot be checked right now ("
                            + unavailable.reason() + "); try again shortly."));
                }
            }
        }
        Reply reply;
        try {
            reply = next.proceed(exchange);
        } catch (RuntimeException failed) {
            if (reservation != null) {
                budgets.ledger().release(reservation, budgets.clock().instant());
            }
            throw failed;
        }
        var cost = cost(exchange, reply);
        if (reservation != null) {
            var at = budgets.clock().instant();
            if (cost.isPresent()) {
                var settlement = budgets.ledger().settle(reservation, Budgets.micros(cost.get()), at);
                budgets.webhook().ifPresent(hook -> settlement.crossed().forEach(hook::notify));
            } else if (exchange.target().isEmpty() || usage(reply) == null) {
                budgets.ledger().release(reservation, at);
            } else {
                budgets.ledger().settle(reservation, 0, at);
            }
        }
        cost.ifPresent(usd -> record(exchange, principal, usd, usage(reply)));
        return reply;
    }

    /** The call's cost from its usage and price; marks the exchange (header, record) on the way. */
    private Optional<BigDecimal> cost(Exchange exchange, Reply reply) {
        var usage = usage(reply);
        var target = exchange.target();
        if (usage == null || target.isEmpty()) {
            return Optional.empty();
        }
        var price = prices.price(target.get().deployment(), target.get().upstreamModel());
        if (price.isEmpty()) {
            unpricedCalls.incrementAndGet();
            exchange.unpriced();
            return Optional.empty();
        }
        var cost = CostCalculator.cost(price.get(), new TokenCounts(usage.promptTokens(), usage.completionTokens(),
                Math.min(usage.cachedTokens(), usage.promptTokens()), 0,
                Math.min(usage.reasoningTokens(), usage.completionTokens()), usage.estimated()));
        exchange.cost(cost);
        exchange.responseHeader(COST_HEADER, CostCalculator.render(cost));
        return Optional.of(cost);
    }

    private void record(Exchange exchange, Principal principal, BigDecimal cost, @Nullable Usage usage) {
        var owner = principal.owner();
        var model = exchange.requireOperation().model().orElse("");
        budgets.spend().record(new SpendRecord(LocalDate.ofInstant(exchange.received(), ZoneOffset.UTC),
                principal.id(), owner.user() == null ? "" : owner.user(),
                owner.teams().isEmpty() ? "" : owner.teams().getFirst(), owner.org() == null ? "" : owner.org(), model,
                Budgets.micros(cost), usage == null ? 0 : usage.promptTokens(),
                usage == null ? 0 : usage.completionTokens(), 1));
    }

    private static BigDecimal dollars(long micros) {
        return BigDecimal.valueOf(micros, 6);
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
