/**
 * What calls cost: the price of the deployment and model a call goes to, the cost of its tokens, the
 * {@code x-warden-cost-usd} header, and the fail-closed rule for principals with a budget.
 */
@NullMarked
package dev.warden.spend;

import org.jspecify.annotations.NullMarked;
