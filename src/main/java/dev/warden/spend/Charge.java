package dev.warden.spend;

import dev.warden.budget.BudgetLine;
import dev.warden.budget.Hold;
import dev.warden.budget.Reservation;
import dev.warden.pricing.CostTier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * What one call holds or settles, in each unit a budget can count: micro-dollars on dollar lines, weighted standard
 * tokens on token lines. One charge covers all of a call's lines, so both kinds go into a single all-or-nothing
 * reservation.
 */
record Charge(long micros, long tokens) {

    /** Tokens of a model of {@code tier}, in standard tokens, rounded up: a token budget is never understated. */
    static long weigh(long tokens, CostTier tier) {
        return BigDecimal.valueOf(tokens).multiply(tier.weight()).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    long in(BudgetLine.Unit unit) {
        return switch (unit) {
            case USD_MICROS -> micros;
            case TOKENS -> tokens;
        };
    }

    List<Hold> on(List<BudgetLine> lines) {
        return lines.stream().map(line -> new Hold(line, in(line.unit()))).toList();
    }

    /** One amount per hold of {@code reservation}, in its order, as {@code settle} takes them. */
    List<Long> per(Reservation reservation) {
        return reservation.holds().stream().map(hold -> in(hold.line().unit())).toList();
    }
}
