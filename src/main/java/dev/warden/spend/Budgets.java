package dev.warden.spend;

import dev.warden.budget.BudgetLedger;
import dev.warden.budget.BudgetLine;
import dev.warden.budget.SpendRecorder;
import dev.warden.budget.WebhookNotifier;
import dev.warden.budget.Window;
import dev.warden.identity.LimitLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the budget stage works with: the ledger (in process or Redis), where spend is recorded, who hears about
 * thresholds, the clock and the window rules.
 *
 * @param zone where daily and monthly windows begin
 * @param reservationTtl how long a crashed call's reservation holds
 * @param defaultMaxOutput the output tokens reserved for when a request sets no limit of its own
 */
public record Budgets(BudgetLedger ledger, SpendRecorder spend, Optional<WebhookNotifier> webhook, InstantSource clock,
        ZoneId zone, Duration reservationTtl, List<Integer> thresholds, long defaultMaxOutput) {

    private static final Pattern DURATION = Pattern.compile("(\\d+)([mhd])");

    /**
     * The budget lines among a principal's limits, in the windows that contain {@code now}: its dollar budgets, then
     * its token budgets (scope {@code <scope>#tokens}, so the two never share state).
     */
    public List<BudgetLine> lines(List<LimitLine> limits, Instant now) {
        var lines = new ArrayList<BudgetLine>();
        for (var limit : limits) {
            var cap = limit.limits().budgetUsd();
            if (cap != null) {
                var span = window(limit.limits().budgetWindow()).spanAt(now, zone);
                lines.add(new BudgetLine(limit.scope(), span, micros(cap), thresholds));
            }
        }
        for (var limit : limits) {
            var tokens = limit.limits().tokenBudget();
            if (tokens != null) {
                var span = window(limit.limits().tokenBudgetWindow()).spanAt(now, zone);
                lines.add(new BudgetLine(limit.scope() + BudgetLine.TOKENS_SUFFIX, span, tokens, thresholds,
                        BudgetLine.Unit.TOKENS));
            }
        }
        return lines;
    }

    /** {@code daily}, {@code weekly} (a rolling 7 days), {@code monthly} (the default) or a rolling duration. */
    static Window window(String text) {
        if (text == null) {
            return new Window.Monthly();
        }
        var name = text.strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "daily" -> new Window.Daily();
            case "monthly" -> new Window.Monthly();
            case "weekly" -> new Window.Rolling(Duration.ofDays(7));
            default -> {
                var matcher = DURATION.matcher(name);
                if (!matcher.matches()) {
                    throw new IllegalArgumentException("unknown budget window " + text);
                }
                long amount = Long.parseLong(matcher.group(1));
                yield new Window.Rolling(switch (matcher.group(2)) {
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                });
            }
        };
    }

    /** Dollars to micro-dollars, rounded up: a reservation or a cost is never understated. */
    static long micros(BigDecimal usd) {
        return usd.movePointRight(6).setScale(0, RoundingMode.CEILING).longValueExact();
    }
}
