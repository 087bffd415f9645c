package dev.warden.limits;

import dev.warden.llm.ApiError;
import dev.warden.llm.Usage;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Operation;
import dev.warden.pipeline.Reply;
import dev.warden.pipeline.Slot;
import dev.warden.pipeline.Stage;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Enforces requests per minute, tokens per minute and concurrent requests on operations that reach an upstream,
 * for every scope at once: the caller's chain (key, user, teams, organization; a team's limit is shared by all its
 * keys), the model's and the gateway's. Rates are charged atomically across scopes; the x-ratelimit-* headers go on every answer. Tokens are charged by estimate before the call and settled by the upstream's usage after it; a
 * failed call gives its estimate back. Listing models, counting tokens and preloads are not metered.
 */
public final class LimitStage implements Stage {
    private final RateLimiter limiter;
    private final LimitsResolver resolver;
    private final InstantSource clock;
    private final Duration lease;

    /** @param lease how long a concurrency slot lasts if never released; longer than any request can take */
    public LimitStage(RateLimiter limiter, LimitsResolver resolver, InstantSource clock, Duration lease) {
        this.limiter = limiter;
        this.resolver = resolver;
        this.clock = clock;
        this.lease = lease;
    }

    @Override
    public Slot slot() {
        return Slot.LIMIT;
    }

    @Override
    public Reply apply(Exchange exchange, Chain next) {
        var principal = exchange.principal().orElseThrow(() -> new IllegalStateException("not authenticated"));
        var operation = exchange.requireOperation();
        var lines = resolver.limitsOf(principal, operation);
        if (!metered(operation) || lines.isEmpty()) {
            return next.proceed(exchange);
        }
        var rates = new ArrayList<Limit>();
        var tokens = new ArrayList<Limit>();
        var slots = new ArrayList<Concurrency>();
        for (var line : lines) {
            var limits = line.limits();
            if (isZero(limits.rpm()) || isZero(limits.tpm()) || isZero(limits.maxParallel())) {
                return refuse("The rate limit of " + line.scope() + " is 0: it may not make requests.", null);
            }
            if (limits.rpm() != null) {
                rates.add(Limit.perMinute(line.scope() + ":rpm", Measure.REQUESTS, limits.rpm()));
            }
            if (limits.tpm() != null) {
                var limit = Limit.perMinute(line.scope() + ":tpm", Measure.TOKENS, limits.tpm());
                rates.add(limit);
                tokens.add(limit);
            }
            if (limits.maxParallel() != null) {
                slots.add(new Concurrency(line.scope() + ":parallel", limits.maxParallel(), lease));
            }
        }
        long estimate = TokenEstimate.of(operation);
        var refusal = charge(exchange, rates, estimate);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        List<Lease> held = List.of();
        if (!slots.isEmpty()) {
            switch (limiter.acquireSlots(slots, clock.instant())) {
                case SlotDecision.Granted granted -> held = granted.leases();
                case SlotDecision.Busy busy -> {
                    settleQuietly(tokens, -estimate);
                    return refuse("Too many concurrent requests: " + busy.key().replace(":parallel", "")
                            + " may have " + busy.max() + " in flight at once.", 1L);
                }
                case SlotDecision.Unavailable unavailable -> {
                    settleQuietly(tokens, -estimate);
                    return new Reply.Failure(new ApiError.Unavailable("Rate limits cannot be checked right now."));
                }
            }
        }
        Reply reply;
        try {
            reply = next.proceed(exchange);
        } catch (RuntimeException | Error failed) {
            releaseQuietly(held);
            throw failed;
        }
        // Slots back and tokens settled together: one round trip to a shared limiter.
        var used = usageOf(reply);
        try {
            limiter.finish(held, tokens, used.map(count -> count - estimate).orElse(0L), clock.instant());
        } catch (LimiterUnavailableException e) {
            // leases lapse at their expiry and the estimate stands; FailoverRateLimiter counts the error
        }
        return reply;
    }

    private Optional<Reply> charge(Exchange exchange, List<Limit> rates, long estimate) {
        if (rates.isEmpty()) {
            return Optional.empty();
        }
        var decision = limiter.acquire(rates, estimate, clock.instant());
        // Retry-After comes with the error itself; the x-ratelimit-* headers go on every answer.
        RateLimitHeaders.of(decision).forEach((name, value) -> {
            if (!name.equals("retry-after")) {
                exchange.responseHeader(name, value);
            }
        });
        return switch (decision) {
            case Decision.Allowed allowed -> Optional.empty();
            case Decision.Refused refused -> Optional.of(refuse("Rate limit reached for " + describe(refused.limit())
                    + ". Please try again in " + RateLimitHeaders.duration(refused.retryAfter()) + ".",
                    RateLimitHeaders.retryAfterSeconds(refused.retryAfter())));
            case Decision.TooLarge tooLarge -> Optional.of(refuse("Request too large: about "
                    + tooLarge.requested() + " tokens requested, the limit of " + describe(tooLarge.limit())
                    + ". Send a shorter request or a smaller max_tokens.", null));
            case Decision.Unavailable unavailable -> Optional.of(
                    new Reply.Failure(new ApiError.Unavailable("Rate limits cannot be checked right now.")));
        };
    }

    /** Tokens the call really used; a failure used none (the estimate is given back); unknown keeps it. */
    private static Optional<Long> usageOf(Reply reply) {
        @Nullable Usage usage = switch (reply) {
            case Reply.Chat chat -> chat.response().usage();
            case Reply.Completion completion -> completion.response().usage();
            case Reply.Embeddings embeddings -> embeddings.response().usage();
            case Reply.Streamed streamed -> streamed.outcome().usage();
            case Reply.Failure failure -> Usage.ZERO;
            case Reply.Models models -> null;
            case Reply.Model model -> null;
            case Reply.Local local -> null;
        };
        return Optional.ofNullable(usage).map(Usage::totalTokens);
    }

    /** Settling is bookkeeping after the answer exists: a limiter outage must not turn it into an error. */
    private void settleQuietly(List<Limit> tokens, long delta) {
        if (delta == 0 || tokens.isEmpty()) {
            return;
        }
        try {
            limiter.settle(tokens, delta, clock.instant());
        } catch (LimiterUnavailableException e) {
            // the estimate stands; FailoverRateLimiter counts the error
        }
    }

    private void releaseQuietly(List<Lease> held) {
        if (held.isEmpty()) {
            return;
        }
        try {
            limiter.release(held);
        } catch (LimiterUnavailableException e) {
            // the lease lapses at its expiry
        }
    }

    private static boolean metered(Operation operation) {
        return switch (operation) {
            case Operation.Chat chat -> true;
            case Operation.Completion completion -> true;
            case Operation.Embeddings embeddings -> true;
            case Operation.CountTokens count -> false;
            case Operation.Preload preload -> false;
            case Operation.ListModels list -> false;
            case Operation.GetModel get -> false;
        };
    }

    /** "key:key_123: 60 requests per minute": the scope is the bucket key without its suffix. */
    private static String describe(Limit limit) {
        var scope = limit.key().substring(0, limit.key().lastIndexOf(':'));
        return scope + ": " + limit.rate() + " " + limit.measure().name().toLowerCase(Locale.ROOT) + " per minute";
    }

    private static boolean isZero(@Nullable Number value) {
        return value != null && value.longValue() == 0;
    }

    private static Reply refuse(String message, @Nullable Long retryAfterSeconds) {
        return new Reply.Failure(new ApiError.RateLimited(message, retryAfterSeconds));
    }
}
