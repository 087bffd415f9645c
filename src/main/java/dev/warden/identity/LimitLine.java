package dev.warden.identity;

import java.util.Objects;

/**
 * The limits that apply to one level of a caller's chain, with the level named: {@code key:key_…},
 * {@code user:usr_…}, {@code team:team_…} or {@code org:org_…}. Rate limits and budgets are kept per scope, so a
 * team's cap is shared by all its keys, on every instance.
 */
public record LimitLine(String scope, Limits limits) {
    public LimitLine {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(limits, "limits");
    }
}
