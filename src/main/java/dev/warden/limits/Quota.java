package dev.warden.limits;

import java.time.Duration;

/**
 * Where a limit stands after a decision.
 *
 * @param remaining units that could be spent right now
 * @param reset how long until the limit is back to its full burst
 */
public record Quota(Limit limit, long remaining, Duration reset) {}
