/**
 * Budgets: money caps per principal (key, user, team, org, tier) and window, enforced by reserving a call's maximum
 * cost before it runs and settling its actual cost after. Amounts are micro-dollars in {@code long}: integer
 * arithmetic is exact in Java and in Redis Lua (whose numbers are doubles, exact for integers below 2^53, that is
 * about nine billion dollars), where BigDecimal would need string arithmetic in the script.
 */
@NullMarked
package dev.warden.budget;

import org.jspecify.annotations.NullMarked;
