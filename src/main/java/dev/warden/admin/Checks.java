package dev.warden.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.identity.ApiEndpoint;
import dev.warden.identity.Directory;
import dev.warden.identity.Grant;
import dev.warden.identity.ModelAllowlist;
import dev.warden.identity.Role;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Checks of values that parse but may still be wrong (422): model globs, emails, names, references, roles. */
final class Checks {
    /** Deliberately plain: one @, no spaces, a dot in the domain. Deliverability is the mail server's business. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final int MAX_NAME = 200;
    private static final int MAX_METADATA = 64;

    private Checks() {}

    static String name(String name, String field) {
        if (name.length() > MAX_NAME) {
            throw AdminError.unprocessable(field, "'" + field + "' must be at most " + MAX_NAME + " characters.");
        }
        return name;
    }

    static String email(String email, String field) {
        var trimmed = email.strip();
        if (trimmed.length() > 254 || !EMAIL.matcher(trimmed).matches()) {
            throw AdminError.unprocessable(field, "'" + email + "' is not a valid email address.");
        }
        return trimmed;
    }

    static List<String> models(List<String> models, String field) {
        for (int i = 0; i < models.size(); i++) {
            var problem = ModelAllowlist.problem(models.get(i));
            if (problem != null) {
                throw AdminError.unprocessable(field + "[" + i + "]", capitalized(problem) + ".");
            }
        }
        return List.copyOf(new LinkedHashSet<>(models));
    }

    static Set<ApiEndpoint> endpoints(List<String> names, String field) {
        var endpoints = EnumSet.noneOf(ApiEndpoint.class);
        for (int i = 0; i < names.size(); i++) {
            var name = names.get(i);
            endpoints.add(ApiEndpoint.parse(name).orElseThrow(() -> AdminError.unprocessable(field,
                    "Unknown endpoint '" + name + "'. Known endpoints: " + String.join(", ",
                            Arrays.stream(ApiEndpoint.values()).map(ApiEndpoint::wire).toList()) + ".")));
        }
        return endpoints;
    }

    static Map<String, String> metadata(Map<String, String> metadata, String field) {
        if (metadata.size() > MAX_METADATA) {
            throw AdminError.unprocessable(field, "'" + field + "' may hold at most " + MAX_METADATA + " entries.");
        }
        for (var entry : metadata.entrySet()) {
            if (entry.getKey().isEmpty() || entry.getKey().length() > 64 || entry.getValue().length() > 512) {
                throw AdminError.unprocessable(field + "." + entry.getKey(),
                        "Metadata keys must be 1 to 64 characters and values at most 512.");
            }
        }
        return metadata;
    }

    static @Nullable String tier(@Nullable String tierId, Directory directory, String field) {
        if (tierId != null && !directory.tiers().containsKey(tierId)) {
            throw AdminError.unprocessable(field, "No tier '" + tierId + "'.");
        }
        return tierId;
    }

    static String org(String orgId, Directory directory, String field) {
        if (!directory.orgs().containsKey(orgId)) {
            throw AdminError.unprocessable(field, "No organization '" + orgId + "'.");
        }
        return orgId;
    }

    /**
     * Roles as written in the API, {@code [{"role": "team-admin", "team": "team_…"}]}, each checked: a known role,
     * the scope the role needs, and a scope that exists. A team-scoped role also records the team's organization.
     */
    static Set<Grant> roles(List<ObjectNode> roles, Directory directory, String field, Caller caller) {
        // Only an admin learns that a scope does not exist; to others it is just beyond what they may grant.
        boolean admin = Permissions.allows(caller, Operation.ROLE_GRANT, new Target.Global());
        var grants = new LinkedHashSet<Grant>();
        for (int i = 0; i < roles.size(); i++) {
            var at = field + "[" + i + "]";
            var node = roles.get(i);
            for (var name : JsonBody.names(node)) {
                if (!Set.of("role", "org", "team").contains(name)) {
                    throw AdminError.invalid(at + "." + name, "Unknown field '" + name + "' in a role. Known"
                            + " fields: role, org, team.");
                }
            }
            var roleName = text(node, "role", at);
            if (roleName == null) {
                throw AdminError.invalid(at + ".role", "Each role needs a 'role'.");
            }
            var role = Role.parse(roleName).orElseThrow(() -> AdminError.unprocessable(at + ".role",
                    "Unknown role '" + roleName + "'. Roles: admin, org-admin, team-admin, member, viewer."));
            var org = text(node, "org", at);
            var team = text(node, "team", at);
            if (team != null) {
                var known = directory.teams().get(team);
                if (known == null) {
                    throw admin ? AdminError.unprocessable(at + ".team", "No team '" + team + "'.")
                            : AdminError.forbidden(UsersResource.notGrantable(roleName));
                }
                if (org != null && !org.equals(known.orgId())) {
                    throw AdminError.unprocessable(at + ".org", "Team '" + team + "' is not in organization '"
                            + org + "'.");
                }
                org = known.orgId();
            } else if (org != null && !directory.orgs().containsKey(org)) {
                throw admin ? AdminError.unprocessable(at + ".org", "No organization '" + org + "'.")
                        : AdminError.forbidden(UsersResource.notGrantable(roleName));
            }
            try {
                grants.add(new Grant(role, org, team));
            } catch (IllegalArgumentException badScope) {
                throw AdminError.unprocessable(at, capitalized(badScope.getMessage()) + ".");
            }
        }
        return grants;
    }

    private static @Nullable String text(ObjectNode node, String name, String at) {
        var value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw JsonBody.wrongType(at + "." + name, "a string");
        }
        return value.textValue();
    }

    static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
