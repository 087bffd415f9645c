package dev.warden.limits;

import dev.warden.identity.LimitLine;
import dev.warden.pipeline.Operation;
import dev.warden.pipeline.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The limits that apply to a call, one line per scope: the caller's chain (key, user, teams, organization), the
 * model's and the gateway's.
 */
@FunctionalInterface
public interface LimitsResolver {
    List<LimitLine> limitsOf(Principal principal, Operation operation);

    /** The chain authentication put on the principal: every scope's limits apply, all at once. */
    static LimitsResolver chain() {
        return (principal, operation) -> principal.limits();
    }

    /**
     * The caller's chain, then capacity limits that hold for every caller, the master key included: those of the
     * model the request names and the gateway-wide ones.
     *
     * @param byModel the lines of each name a request may use for a model (an alias, or a deployment/model name
     *     one of the aliases routes to, so that naming the deployment cannot get round the alias's limit)
     * @param global the gateway-wide lines (none, or one {@code global} scope)
     */
    static LimitsResolver withCapacity(Map<String, List<LimitLine>> byModel, List<LimitLine> global) {
        var models = Map.copyOf(byModel);
        var everyone = List.copyOf(global);
        return (principal, operation) -> {
            var model = operation.model().map(name -> models.getOrDefault(name, List.of())).orElse(List.of());
            if (model.isEmpty() && everyone.isEmpty()) {
                return principal.limits();
            }
            var lines = new ArrayList<LimitLine>(principal.limits().size() + model.size() + everyone.size());
            lines.addAll(principal.limits());
            lines.addAll(model);
            lines.addAll(everyone);
            return lines;
        };
    }
}
