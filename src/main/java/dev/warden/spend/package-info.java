/**
 * What calls cost: the price of the deployment and model a call goes to, the cost of its tokens, the
 * {@code x-warden-cost-usd} header, the fail-closed rule for principals with a dollar budget, and token budgets
 * weighted by the model's cost tier.
 */
@NullMarked
package dev.warden.spend;

import org.jspecify.annotations.NullMarked;
