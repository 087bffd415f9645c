package dev.warden.limits;

import dev.warden.llm.ApiError;
import dev.warden.llm.Usage;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Operation;
import dev.warden.pipeline.Principal;
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
 * Enforces the caller's requests per minute, tokens per minute and concurrent requests on operations that reach
 * an upstream. Tokens are charged by estimate before the call and settled by the upstream's usage after it; a
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
        var limits = resolver.limitsOf(principal);
        if (!metered(operation) || limits.rpm() == null && limits.tpm() == null && limits.maxParallel() == null) {
            return next.proceed(exchange);
        }
        if (isZero(limits.rpm()) || isZero(limits.tpm()) || isZero(limits.maxParallel())) {
            return refuse("This API key has a rate limit of 0: it may not make requests.", null);
        }
        var scope = scope(principal);
        var rates = new ArrayList<Limit>(2);
        Limit tokens = null;
        if (limits.rpm() != null) {
            rates.add(Limit.perMinute(scope + ":rpm", Measure.REQUESTS, limits.rpm()));
        }
        if (limits.tpm() != null) {
            tokens = Limit.perMinute(scope + ":tpm", Measure.TOKENS, limits.tpm());
            rates.add(tokens);
        }
        long estimate = TokenEstimate.of(operation);
        var refusal = charge(rates, estimate);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        Lease held = null;
        if (limits.maxParallel() != null) {
            var concurrency = new Concurrency(scope + ":parallel", limits.maxParallel(), lease);
            switch (limiter.acquireSlot(concurrency, clock.instant())) {
                case SlotDecision.Granted granted -> held = granted.lease();
                case SlotDecision.Busy busy -> {
                    settleQuietly(tokens, -estimate);
                    return refuse("Too many concurrent requests: this API key may have " + busy.max()
                            + " in flight at once.", 1L);
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
        } finally {
            if (held != null) {
                releaseQuietly(held);
            }
        }
        var used = usageOf(reply);
        if (used.isPresent()) {
            settleQuietly(tokens, used.get() - estimate);
        }
        return reply;
    }

    private Optional<Reply> charge(List<Limit> rates, long estimate) {
        if (rates.isEmpty()) {
            return Optional.empty();
        }
        return switch (limiter.acquire(rates, estimate, clock.instant())) {
            case Decision.Allowed allowed -> Optional.empty();
            case Decision.Refused refused -> Optional.of(refuse("Rate limit reached: " + describe(refused.limit())
                    + ". Please try again in " + RateLimitHeaders.duration(refused.retryAfter()) + ".",
                    RateLimitHeaders.retryAfterSeconds(refused.retryAfter())));
            case Decision.TooLarge tooLarge -> Optional.of(refuse("Request too large: about "
                    + tooLarge.requested() + " tokens requested, the limit is " + describe(tooLarge.limit())
                    + ". Send a shorter request or a smaller max_tokens.", null));
            case Decision.Unavailable unavailable -> Optional.of(
                    new Reply.Failure(new ApiError.Unavailable("Rate limits cannot be checked right now.")));
        };
    }

    /** Tokens the call really used; a failure used none (the estimate is given back); unknown keeps it. */
    private static Optional<Long> usageOf(Reply reply) {
        Usage usage = switch (reply) {
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
    private void settleQuietly(@Nullable Limit tokens, long delta) {
        if (tokens == null || delta == 0) {
            return;
        }
        try {
            limiter.settle(tokens, delta, clock.instant());
        } catch (LimiterUnavailableException e) {
            // the estimate stands; FailoverRateLimiter counts the error
        }
    }

    private void releaseQuietly(Lease held) {
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

    /** Bucket keys name the kind of caller, so a key id and a JWT subject can never share a bucket. */
    static String scope(Principal principal) {
        var kind = switch (principal.kind()) {
            case VIRTUAL_KEY -> "key";
            case JWT -> "jwt";
            case MASTER -> "master";
        };
        return kind + ":" + principal.id();
    }

    private static String describe(Limit limit) {
        return limit.rate() + " " + limit.measure().name().toLowerCase(Locale.ROOT) + " per minute";
    }

    private static boolean isZero(@Nullable Number value) {
        return value != null && value.longValue() == 0;
    }

    private static Reply refuse(String message, @Nullable Long retryAfterSeconds) {
        return new Reply.Failure(new ApiError.RateLimited(message, retryAfterSeconds));
    }
}
