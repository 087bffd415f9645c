package dev.warden.admin;

import java.util.Set;

/** The spend windows a budget may be set for. */
final class BudgetWindows {
    private static final Set<String> NAMED = Set.of("daily", "weekly", "monthly");

    private BudgetWindows() {}

    static boolean valid(String window) {
        return NAMED.contains(window) || DurationText.parse(window).filter(d -> !d.isZero()).isPresent();
    }
}
