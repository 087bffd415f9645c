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
import dev.warden.pricing.CostTier;
import dev.warden.pricing.TokenCounts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Prices every call and keeps budgets. Before it: the most the call can cost (estimated prompt at the input price,
 * its output limit at the output price) is reserved on every dollar budget line of the caller (key, user, teams,
 * org), and the most it can use (estimated prompt plus output limit, weighted by the model's cost tier) on every
 * token budget line, all or nothing across both, and a call that does not fit is refused with 429 until its window
 * resets. Also before it: a principal with a dollar budget may not use a model without a known price (unless its
 * deployment says {@code unpriced: allow}), because its budget could not be kept; the target is previewed with the
 * same routing the route stage will use. After it: the cost of the tokens used (exact decimals) goes on the
 * exchange, for the record and spend, and in the {@code x-warden-cost-usd} header of non-streamed answers (a stream's
 * headers leave before its cost is known; its cost is in the access log), the reservation is settled with it (or
 * released when no provider answered; token lines settle the tokens used, weighted), crossed thresholds go to the
 * webhook, and the spend ledger gets it.
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
            long prompt = Estimates.promptTokens(operation);
            long output = Estimates.maxOutputTokens(operation, budgets.defaultMaxOutput());
            long amount = 0;
            // A call whose target is not known yet weighs the most, like a model Warden cannot classify.
            var tier = CostTier.forUnknown();
            if (target.isPresent()) {
                var lookup = prices.lookup(target.get().deployment(), target.get().upstreamModel());
                // Only a dollar budget needs a price; a token budget weighs an unpriced model as frontier.
                if (lookup instanceof PriceSource.Lookup.Unpriced(var allowed) && !allowed && hasDollars(lines)) {
                    return new Reply.Failure(new ApiError.PermissionDenied("The model '"
                            + target.get().upstreamModel() + "' on deployment '" + target.get().deployment()
                            + "' has no known price, and this caller has a dollar budget, which could not be kept. An"
                            + " admin can price it (deployments[].pricing) or allow it unpriced (unpriced: allow)."));
                }
                if (lookup instanceof PriceSource.Lookup.Priced(var price)) {
                    amount = Budgets.micros(CostCalculator.maxCost(price, prompt, output));
                }
                tier = prices.tier(target.get().deployment(), target.get().upstreamModel());
            }
            var most = new Charge(amount, Charge.weigh(prompt + output, tier));
            switch (budgets.ledger().reserve(most.on(lines), now, budgets.reservationTtl())) {
                case ReserveResult.Granted granted -> reservation = granted.reservation();
                case ReserveResult.Refused refused -> {
                    return new Reply.Failure(Refusals.of(refused, most, tier, now));
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
            settle(exchange, reservation, cost, usage(reply));
        }
        cost.ifPresent(usd -> record(exchange, principal, usd, usage(reply)));
        return reply;
    }

    /**
     * Settles what the call used: its cost on dollar lines (nothing when unpriced), its tokens weighted by the tier
     * of the model that answered (after any fallback) on token lines; releases the hold when no provider answered.
     */
    private void settle(Exchange exchange, Reservation reservation, Optional<BigDecimal> cost, @Nullable Usage usage) {
        var at = budgets.clock().instant();
        var target = exchange.target();
        if (target.isEmpty() || usage == null) {
            budgets.ledger().release(reservation, at);
            return;
        }
        var used = new Charge(cost.map(Budgets::micros).orElse(0L), Charge.weigh(usage.promptTokens()
                + usage.completionTokens(), prices.tier(target.get().deployment(), target.get().upstreamModel())));
        var settlement = budgets.ledger().settle(reservation, used.per(reservation), at);
        budgets.webhook().ifPresent(hook -> settlement.crossed().forEach(hook::notify));
    }

    private static boolean hasDollars(List<BudgetLine> lines) {
        return lines.stream().anyMatch(line -> line.unit() == BudgetLine.Unit.USD_MICROS);
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
