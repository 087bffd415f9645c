package dev.warden.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.budget.BudgetLine;
import dev.warden.budget.LineState;
import dev.warden.identity.Directory;
import dev.warden.identity.LimitLine;
import dev.warden.identity.Org;
import dev.warden.identity.Team;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code /keys|users|teams|orgs/{id}/budget}: the live state of every budget that applies to a principal (its own
 * and its chain's: a key's user, teams and organization), read from the budget ledger the gateway enforces with,
 * and {@code .../budget/reset}, which zeroes the principal's own budget for its current window. Reading a budget is
 * reading its principal (same roles, same 404s); resetting needs {@link Operation#BUDGET_RESET} on top.
 */
final class BudgetsResource implements Resource {
    private static final System.Logger LOG = System.getLogger("warden.admin");

    /** The principal a URL names: its own scope, where it lives, and the limits along its chain. */
    private record Subject(String scope, String what, Target resetTarget, List<LimitLine> chain) {}

    /** One budget line with its window rule as configured and its state now. */
    private record Status(LimitLine limit, BudgetLine line, LineState state) {
        long remaining() {
            return Math.max(0, line.cap() - state.spent() - state.reserved());
        }
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/keys/{id}/budget", Operation.KEY_READ, call -> status(call, key(call, Operation.KEY_READ))),
                Route.get("/users/{id}/budget", Operation.USER_READ, call -> status(call, user(call))),
                Route.get("/teams/{id}/budget", Operation.TEAM_READ, call -> status(call, team(call))),
                Route.get("/orgs/{id}/budget", Operation.ORG_READ, call -> status(call, org(call))),
                Route.post("/keys/{id}/budget/reset", Operation.BUDGET_RESET,
                        call -> reset(call, key(call, Operation.KEY_READ))),
                Route.post("/users/{id}/budget/reset", Operation.BUDGET_RESET, call -> reset(call, user(call))),
                Route.post("/teams/{id}/budget/reset", Operation.BUDGET_RESET, call -> reset(call, team(call))),
                Route.post("/orgs/{id}/budget/reset", Operation.BUDGET_RESET, call -> reset(call, org(call))));
    }

    private static Subject key(Call call, Operation operation) {
        var key = KeysResource.find(call, operation);
        return new Subject("key:" + key.id(), "key", Target.of(key, call.directory()),
                call.directory().limitsOf(key));
    }

    private static Subject user(Call call) {
        var id = call.param("id");
        var directory = call.directory();
        var user = call.visible(Operation.USER_READ, directory.users().get(id), Target::of, "user", id);
        var teams = user.teamIds().stream().map(directory.teams()::get).filter(Objects::nonNull).toList();
        // A team-admin resets its teams' and their keys' budgets, not those of the people in them.
        return new Subject("user:" + user.id(), "user", new Target.OfUser(user.id(), user.orgId(), Set.of()),
                directory.limitsOf(user, teams, org(directory, user.orgId())));
    }

    private static Subject team(Call call) {
        var id = call.param("id");
        var directory = call.directory();
        Team team = call.visible(Operation.TEAM_READ, directory.teams().get(id), Target::of, "team", id);
        return new Subject("team:" + team.id(), "team", Target.of(team),
                directory.limitsOf(null, List.of(team), org(directory, team.orgId())));
    }

    private static Subject org(Call call) {
        var id = call.param("id");
        var directory = call.directory();
        Org org = call.visible(Operation.ORG_READ, directory.orgs().get(id), Target::of, "organization", id);
        return new Subject("org:" + org.id(), "organization", Target.of(org),
                directory.limitsOf(null, List.of(), org));
    }

    private static @Nullable Org org(Directory directory, @Nullable String id) {
        return id == null ? null : directory.orgs().get(id);
    }

    private static List<Status> statuses(Call call, Subject subject, Instant now) {
        var budgets = call.backend().budgets();
        var statuses = new ArrayList<Status>();
        for (var limit : subject.chain()) {
            for (var line : budgets.lines(List.of(limit), now)) {
                statuses.add(new Status(limit, line, budgets.ledger().state(line, now)));
            }
        }
        return statuses;
    }

    private AdminResponse status(Call call, Subject subject) {
        var now = call.backend().clock().instant();
        return call.backend().views().ok(view(call, subject, statuses(call, subject, now)));
    }

    private AdminResponse reset(Call call, Subject subject) {
        call.require(Operation.BUDGET_RESET, subject.resetTarget(), "You may reset only the budgets of the"
                + " organizations and teams you administer, and of their keys.");
        var now = call.backend().clock().instant();
        // Its own lines: a dollar budget, a token budget, or both; the chain's other levels are theirs to reset.
        var own = statuses(call, subject, now).stream().filter(s -> s.limit().scope().equals(subject.scope()))
                .toList();
        if (own.isEmpty()) {
            throw AdminError.conflict(null, Checks.capitalized(subject.what()) + " '"
                    + subject.scope().substring(subject.scope().indexOf(':') + 1) + "' has no budget of its own"
                    + " to reset.");
        }
        var principal = call.caller().principal();
        for (var status : own) {
            call.backend().budgets().ledger().reset(status.line(), now);
            LOG.log(Level.INFO, "budget " + status.line().scope() + " reset for window " + status.line().span().id()
                    + " by " + principal.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + principal.id()
                    + (call.caller().userId() == null ? "" : " (user " + call.caller().userId() + ")") + ": "
                    + amount(status.line(), status.state().spent()) + " spent before");
        }
        var view = view(call, subject, statuses(call, subject, now));
        var reset = view.putObject("reset").put("window_id", own.getFirst().line().span().id());
        for (var status : own) {
            if (status.line().unit() == BudgetLine.Unit.TOKENS) {
                reset.put("spent_before_tokens", status.state().spent());
            } else {
                reset.put("spent_before_usd", Money.usd(status.state().spent()));
            }
        }
        return call.backend().views().ok(view);
    }

    private static String amount(BudgetLine line, long value) {
        return line.unit() == BudgetLine.Unit.TOKENS ? value + " standard tokens" : Money.usd(value) + " USD";
    }

    private static ObjectNode view(Call call, Subject subject, List<Status> statuses) {
        var views = call.backend().views();
        var node = views.object().put("object", "budget_status").put("scope", subject.scope());
        // The line that binds, per unit, is the one with the least room left: the next call is refused there first.
        var binding = new java.util.EnumMap<BudgetLine.Unit, Status>(BudgetLine.Unit.class);
        for (var status : statuses) {
            binding.merge(status.line().unit(), status, (a, b) -> b.remaining() < a.remaining() ? b : a);
        }
        var data = node.putArray("data");
        for (var status : statuses) {
            var line = status.line();
            boolean tokens = line.unit() == BudgetLine.Unit.TOKENS;
            var limits = status.limit().limits();
            var window = tokens ? limits.tokenBudgetWindow() : limits.budgetWindow();
            var item = data.addObject().put("object", "budget_line").put("scope", status.limit().scope())
                    .put("unit", tokens ? "tokens" : "usd")
                    .put("own", status.limit().scope().equals(subject.scope()))
                    .put("binding", binding.get(line.unit()) == status);
            item.put("window", window == null ? "monthly" : window).put("rolling", line.span().rolling())
                    .put("window_id", line.span().id());
            Views.instant(item, "window_start", line.span().start());
            Views.instant(item, "window_end", line.span().end());
            if (tokens) {
                item.put("cap_tokens", line.cap()).put("spent_tokens", status.state().spent())
                        .put("reserved_tokens", status.state().reserved())
                        .put("remaining_tokens", status.remaining());
            } else {
                item.put("cap_usd", Money.usd(line.cap())).put("spent_usd", Money.usd(status.state().spent()))
                        .put("reserved_usd", Money.usd(status.state().reserved()))
                        .put("remaining_usd", Money.usd(status.remaining()));
            }
            item.put("percent_used", percent(status.state().spent(), line.cap()));
            line.thresholds().forEach(item.putArray("thresholds")::add);
        }
        return node;
    }

    /** Settled spend as a percentage of the cap, two decimals; a zero cap is fully used. */
    static double percent(long spent, long cap) {
        if (cap == 0) {
            return 100.0;
        }
        return java.math.BigDecimal.valueOf(spent * 100).divide(java.math.BigDecimal.valueOf(cap), 2,
                java.math.RoundingMode.HALF_UP).doubleValue();
    }
}
