/**
 * Rate limits: requests and tokens per period (GCRA), and concurrency slots with leases. {@link
 * dev.warden.limits.RateLimiter} is the port; in-memory and Redis backends implement it, and {@link
 * dev.warden.limits.FailoverRateLimiter} decides what happens when Redis cannot be reached. Contributes the LIMIT
 * stage.
 */
@NullMarked
package dev.warden.limits;

import org.jspecify.annotations.NullMarked;
