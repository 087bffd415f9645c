package dev.warden.spend;

import dev.warden.budget.BudgetLine;
import dev.warden.budget.ReserveResult;
import dev.warden.llm.ApiError;
import dev.warden.pricing.CostCalculator;
import dev.warden.pricing.CostTier;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The 429 for a call that does not fit a budget: which budget, what is left of it in its unit, what the call may
 * use, and a Retry-After of the time until the window ends (when the whole cap is free again for a calendar window;
 * no later than that for a rolling one).
 */
final class Refusals {
    private Refusals() {}

    static ApiError.RateLimited of(ReserveResult.Refused refused, Charge most, CostTier tier, Instant now) {
        var line = refused.line();
        long wait = Math.max(1, Duration.between(now, line.span().end()).toSeconds());
        return new ApiError.RateLimited(switch (line.unit()) {
            case USD_MICROS -> "Budget exceeded for " + line.scope() + ": "
                    + CostCalculator.render(dollars(refused.remaining())) + " USD left of "
                    + CostCalculator.render(dollars(line.cap())) + " in this window, and this call may cost up to "
                    + CostCalculator.render(dollars(most.micros())) + ".";
            case TOKENS -> "Token budget exceeded for " + owner(line) + ": " + refused.remaining()
                    + " standard tokens left of " + line.cap() + " in this window, and this call may use up to "
                    + most.tokens() + " (each token of a " + tier.name().toLowerCase(Locale.ROOT) + " model counts "
                    + tier.weight().toPlainString() + ").";
        }, wait);
    }

    /** The principal a token line belongs to, as operators name it ({@code key:k_1}, not {@code key:k_1#tokens}). */
    private static String owner(BudgetLine line) {
        return line.scope().substring(0, line.scope().length() - BudgetLine.TOKENS_SUFFIX.length());
    }

    private static BigDecimal dollars(long micros) {
        return BigDecimal.valueOf(micros, 6);
    }
}
