package dev.warden.config;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How budgets are kept. YAML section {@code budgets}.
 *
 * @param timeZone where daily and monthly windows begin and end
 * @param reservationTtl how long an unsettled reservation (a call that crashed) keeps holding its amount
 * @param thresholds soft thresholds in percent of a cap; crossing one fires the webhook once per window
 * @param webhookUrl where threshold notices are posted, or null for none
 */
public record BudgetsConfig(ZoneId timeZone, Duration reservationTtl, List<Integer> thresholds,
        @Nullable URI webhookUrl) {

    public static final BudgetsConfig DEFAULTS = new BudgetsConfig(ZoneId.of("UTC"), Duration.ofMinutes(10),
            List.of(50, 80, 100), null);

    public BudgetsConfig {
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(reservationTtl, "reservationTtl");
        thresholds = List.copyOf(thresholds);
    }
}
