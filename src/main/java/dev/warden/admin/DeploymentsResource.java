package dev.warden.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.config.ConfigException;
import dev.warden.registry.DeploymentDocuments;
import dev.warden.registry.DeploymentStore;
import dev.warden.registry.StoredDeployment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code /deployments}: upstream deployments added at run time. A body is a deployment entry of the configuration
 * file as JSON, plus {@code models} (the aliases it serves), checked by the configuration reader itself; its
 * credentials are sealed before they are stored and never shown again. Every instance's router picks up a change
 * within its refresh interval (this one at once). Deployments of the configuration file are listed read-only.
 */
final class DeploymentsResource implements Resource {
    @Override
    public List<Route> routes() {
        return List.of(
                Route.post("/deployments", Operation.DEPLOYMENT_CREATE, this::create),
                Route.get("/deployments", Operation.DEPLOYMENT_LIST, this::list),
                Route.get("/deployments/{name}", Operation.DEPLOYMENT_READ, this::read),
                Route.put("/deployments/{name}", Operation.DEPLOYMENT_UPDATE, this::replace),
                Route.delete("/deployments/{name}", Operation.DEPLOYMENT_DELETE, this::delete));
    }

    private static DeploymentStore store(Call call) {
        return call.backend().deployments().store();
    }

    private static DeploymentDocuments documents(Call call) {
        return call.backend().deployments().documents();
    }

    private AdminResponse create(Call call) {
        var store = store(call);
        var body = JsonBody.object(call.backend().mapper(), call.request());
        var name = body.path("name").asText("");
        refuseConfigured(call, name, "created");
        var sealed = validated(call, body, call.backend().mapper().createObjectNode(), name);
        var now = call.backend().clock().instant();
        call.store(() -> store.insert(new StoredDeployment(name, sealed.toString(), now, now, 0)), "name");
        return call.backend().views().created(view(call, name, sealed, now, now));
    }

    private AdminResponse replace(Call call) {
        var store = store(call);
        var name = call.param("name");
        refuseConfigured(call, name, "changed");
        var old = store.find(name).orElseThrow(() -> AdminError.notFound("No deployment '" + name + "'."));
        var body = JsonBody.object(call.backend().mapper(), call.request());
        if (body.has("name") && !body.path("name").asText("").equals(name)) {
            throw AdminError.invalid("name", "The name cannot change; create a new deployment instead.");
        }
        body.put("name", name);
        var sealed = validated(call, body, documents(call).read(old.document()), name);
        var now = call.backend().clock().instant();
        call.store(() -> {
            if (!store.update(new StoredDeployment(name, sealed.toString(), old.created(), now, 0))) {
                throw new java.util.NoSuchElementException(name);
            }
        }, "name");
        return call.backend().views().ok(view(call, name, sealed, old.created(), now));
    }

    /** Checks the document (the config reader's rules, alias clashes) and seals its credentials. */
    private ObjectNode validated(Call call, ObjectNode body, ObjectNode previous, String name) {
        var documents = documents(call);
        ObjectNode sealed;
        try {
            sealed = documents.seal(body, previous);
            documents.parse(documents.open(sealed));
        } catch (ConfigException invalid) {
            var problem = invalid.problems().getFirst();
            var param = problem.path().replaceFirst("^deployments\\[0]\\.?", "");
            throw AdminError.invalid(param.isEmpty() ? null : param, Checks.capitalized(problem.message())
                    + (invalid.problems().size() > 1 ? " (and " + (invalid.problems().size() - 1) + " more: "
                            + String.join("; ", invalid.problems().stream().skip(1).map(p -> p.path() + ": "
                                    + p.message()).toList()) + ")" : "") + ".");
        } catch (IllegalArgumentException unusable) {
            throw AdminError.invalid(null, Checks.capitalized(unusable.getMessage()) + ".");
        }
        var clashes = new ArrayList<String>();
        var taken = takenAliases(call, name);
        for (var model : body.path("models")) {
            var alias = model.path("name").asText("");
            if (taken.contains(alias)) {
                clashes.add(alias);
            }
        }
        if (!clashes.isEmpty()) {
            throw AdminError.conflict("models", "Another deployment already serves the model alias(es) "
                    + String.join(", ", clashes) + ".");
        }
        return sealed;
    }

    private static Set<String> takenAliases(Call call, String except) {
        var taken = new HashSet<>(call.backend().deployments().configuredModels());
        for (var stored : store(call).list()) {
            if (!stored.name().equals(except)) {
                for (var model : documents(call).read(stored.document()).path("models")) {
                    taken.add(model.path("name").asText(""));
                }
            }
        }
        return taken;
    }

    private static void refuseConfigured(Call call, String name, String verb) {
        if (call.backend().deployments().configured().containsKey(name)) {
            throw AdminError.conflict("name", "The deployment '" + name + "' is defined in the configuration file"
                    + " and cannot be " + verb + " through the admin API.");
        }
    }

    private AdminResponse list(Call call) {
        var all = new ArrayList<JsonNode>();
        call.backend().deployments().configured().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(entry -> all.add(configuredView(call, entry.getKey(), entry.getValue())));
        for (var stored : store(call).list()) {
            all.add(view(call, stored.name(), documents(call).read(stored.document()), stored.created(),
                    stored.updated()));
        }
        return call.page(all);
    }

    private AdminResponse read(Call call) {
        var name = call.param("name");
        var provider = call.backend().deployments().configured().get(name);
        if (provider != null) {
            return call.backend().views().ok(configuredView(call, name, provider));
        }
        var stored = store(call).find(name).orElseThrow(() -> AdminError.notFound("No deployment '" + name + "'."));
        return call.backend().views().ok(view(call, name, documents(call).read(stored.document()), stored.created(),
                stored.updated()));
    }

    private AdminResponse delete(Call call) {
        var name = call.param("name");
        refuseConfigured(call, name, "deleted");
        var store = store(call);
        if (store.find(name).isEmpty()) {
            throw AdminError.notFound("No deployment '" + name + "'.");
        }
        call.store(() -> store.delete(name), null);
        return call.deleted("deployment", name);
    }

    private static ObjectNode view(Call call, String name, ObjectNode sealed, java.time.Instant created,
            java.time.Instant updated) {
        var view = call.backend().mapper().createObjectNode().put("object", "deployment").put("name", name)
                .put("source", "admin");
        documents(call).redact(sealed).properties().forEach(entry -> {
            if (!entry.getKey().equals("name")) {
                view.set(entry.getKey(), entry.getValue());
            }
        });
        return view.put("created_at", created.toString()).put("updated_at", updated.toString());
    }

    private static ObjectNode configuredView(Call call, String name, String provider) {
        return call.backend().mapper().createObjectNode().put("object", "deployment").put("name", name)
                .put("provider", provider).put("source", "config");
    }

}
