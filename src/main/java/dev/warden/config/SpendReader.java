package dev.warden.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads the {@code redis} and {@code budgets} sections. */
final class SpendReader {
    private SpendReader() {
    }

    static @Nullable RedisConfig redis(@Nullable Section section) {
        if (section == null) {
            return null;
        }
        section.allowOnly(List.of("url", "password", "timeout", "on_failure"));
        var problems = section.problems();
        var text = section.string("url");
        if (text == null || text.isBlank()) {
            if (!section.failed("url") && !section.emptyTolerated("url")) {
                problems.error(section.path("url"), section.line("url"), "redis needs a url, like"
                        + " redis://127.0.0.1:6379");
            }
            return null;
        }
        URI url = null;
        try {
            url = new URI(text.strip());
            if (!("redis".equals(url.getScheme()) || "rediss".equals(url.getScheme())) || url.getHost() == null) {
                problems.error(section.path("url"), section.line("url"), "expected redis://host:port or"
                        + " rediss://host:port, got " + ReadContext.quote(text));
                url = null;
            }
        } catch (URISyntaxException invalid) {
            problems.error(section.path("url"), section.line("url"), "not a URL: " + ReadContext.quote(text));
        }
        var timeout = section.duration("timeout", Duration.ofMillis(200), false);
        var policyText = section.string("on_failure", "local").strip().toLowerCase(Locale.ROOT);
        var names = List.of("local", "fail_open", "fail_closed");
        RedisConfig.FailurePolicy policy = RedisConfig.FailurePolicy.LOCAL;
        if (names.contains(policyText)) {
            policy = RedisConfig.FailurePolicy.valueOf(policyText.toUpperCase(Locale.ROOT));
        } else {
            problems.error(section.path("on_failure"), section.line("on_failure"), "unknown policy '" + policyText
                    + "'" + Suggestions.choices(policyText, names));
        }
        var password = section.string("password");
        return url == null ? null : new RedisConfig(url, password == null || password.isEmpty() ? null
                : new Secret(password), timeout, policy);
    }

    static BudgetsConfig budgets(@Nullable Section section) {
        var defaults = BudgetsConfig.DEFAULTS;
        if (section == null) {
            return defaults;
        }
        section.allowOnly(List.of("time_zone", "reservation_ttl", "thresholds", "webhook_url"));
        var problems = section.problems();
        var zone = defaults.timeZone();
        var zoneText = section.string("time_zone");
        if (zoneText != null && !zoneText.isBlank()) {
            try {
                zone = ZoneId.of(zoneText.strip());
            } catch (DateTimeException unknown) {
                problems.error(section.path("time_zone"), section.line("time_zone"), "unknown time zone "
                        + ReadContext.quote(zoneText) + "; use a region id such as Europe/Berlin or UTC");
            }
        }
        var ttl = section.duration("reservation_ttl", defaults.reservationTtl(), false);
        var thresholds = new ArrayList<Integer>();
        if (section.node("thresholds") instanceof SequenceNode) {
            for (var item : section.list("thresholds")) {
                var value = section.context().text(item.node(), item.path(), "expected a percentage");
                try {
                    int percent = Integer.parseInt(value == null ? "" : value.strip());
                    if (percent < 1 || percent > 1000) {
                        throw new NumberFormatException();
                    }
                    thresholds.add(percent);
                } catch (NumberFormatException notPercent) {
                    if (value != null) {
                        problems.error(item.path(), item.node(), "expected a whole percentage from 1 to 1000, got "
                                + ReadContext.quote(value));
                    }
                }
            }
        } else if (section.present("thresholds")) {
            problems.error(section.path("thresholds"), section.line("thresholds"), "expected a list of percentages,"
                    + " like [50, 80, 100]");
        } else {
            thresholds.addAll(defaults.thresholds());
        }
        URI webhook = null;
        var hook = section.string("webhook_url");
        if (hook != null && !hook.isBlank()) {
            try {
                webhook = new URI(hook.strip());
                if (!("http".equals(webhook.getScheme()) || "https".equals(webhook.getScheme()))
                        || webhook.getHost() == null) {
                    throw new URISyntaxException(hook, "not http(s)");
                }
            } catch (URISyntaxException invalid) {
                problems.error(section.path("webhook_url"), section.line("webhook_url"), "expected an http(s) URL,"
                        + " got " + ReadContext.quote(hook));
                webhook = null;
            }
        }
        return new BudgetsConfig(zone, ttl, thresholds.stream().sorted().distinct().toList(), webhook);
    }
}
