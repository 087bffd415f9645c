package dev.warden.admin;

import dev.warden.budget.SpendDimension;
import dev.warden.budget.SpendQuery;
import dev.warden.budget.SpendTotal;
import dev.warden.identity.User;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * {@code /spend}: spend reports from the spend ledger ({@code spend_daily}, written every few seconds), grouped by
 * key, user, team, org, model or UTC day, as JSON or CSV. Every caller sees only the spend within its reach (see
 * {@link Permissions#spendReach}): asking for another organization's spend finds nothing, as if there were none.
 */
final class SpendResource implements Resource {
    static final int MAX_DAYS = 366;

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/spend", Operation.SPEND_READ, this::report));
    }

    private AdminResponse report(Call call) {
        var backend = call.backend();
        var today = LocalDate.ofInstant(backend.clock().instant(), ZoneOffset.UTC);
        boolean csv = csv(call);
        var query = query(call, today).within(Permissions.spendReach(call.caller(), Operation.SPEND_READ));
        var rows = backend.spend().totals(query).stream()
                .map(total -> new SpendReport.Row(total, name(call, query.by(), total))).toList();
        var report = new SpendReport(query.by(), query.from(), query.to(), rows);
        return csv ? report.csv() : backend.views().ok(report.json(backend.views()));
    }

    /**
     * The query the parameters ask for: {@code by} (default day), {@code from} (default the first day of the
     * month of {@code to}), {@code to} (default today, UTC), and the filters.
     */
    static SpendQuery query(Call call, LocalDate today) {
        var by = dimension(call.query("by"));
        var to = date(call, "to", today);
        var from = date(call, "from", to.withDayOfMonth(1));
        if (to.isBefore(from)) {
            throw AdminError.invalid("to", "The query parameter 'to' (" + to + ") is before 'from' (" + from + ").");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw AdminError.invalid("from", "A spend report covers at most " + MAX_DAYS + " days; " + from + " to "
                    + to + " is longer.");
        }
        return new SpendQuery(by, from, to, call.query("key_id"), call.query("user_id"), call.query("team_id"),
                call.query("org_id"), call.query("model"), null);
    }

    private static SpendDimension dimension(@Nullable String value) {
        if (value == null) {
            return SpendDimension.DAY;
        }
        return Arrays.stream(SpendDimension.values()).filter(d -> d.name().equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> AdminError.invalid("by", "Unknown 'by' value '" + value + "'. Use one of: "
                        + Arrays.stream(SpendDimension.values()).map(d -> d.name().toLowerCase(Locale.ROOT))
                                .collect(Collectors.joining(", ")) + "."));
    }

    private static LocalDate date(Call call, String name, LocalDate otherwise) {
        var value = call.query(name);
        if (value == null) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw AdminError.invalid(name, "The query parameter '" + name + "' must be a date as YYYY-MM-DD, not '"
                    + value + "'.");
        }
    }

    /** CSV when {@code format=csv}, or when no format is named and the client accepts {@code text/csv}. */
    static boolean csv(Call call) {
        var format = call.query("format");
        if (format == null) {
            var accept = call.request().accept();
            return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv");
        }
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> true;
            case "json" -> false;
            default -> throw AdminError.invalid("format", "The query parameter 'format' must be json or csv.");
        };
    }

    private static @Nullable String name(Call call, SpendDimension by, SpendTotal total) {
        var id = total.group();
        if (id.isEmpty()) {
            return null;
        }
        var directory = call.directory();
        return switch (by) {
            case KEY -> call.backend().keys().find(id).map(key -> key.alias()).orElse(null);
            case USER -> {
                User user = directory.users().get(id);
                yield user == null ? null : user.name() != null ? user.name() : user.email();
            }
            case TEAM -> directory.teams().containsKey(id) ? directory.teams().get(id).name() : null;
            case ORG -> directory.orgs().containsKey(id) ? directory.orgs().get(id).name() : null;
            case MODEL, DAY -> null;
        };
    }
}
