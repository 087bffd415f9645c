package dev.warden.routing;

import dev.warden.identity.Access;
import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import dev.warden.llm.ModelInfo;
import dev.warden.pipeline.Target;
import dev.warden.provider.Provider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves the model a client names. An alias (a configured model name) wins; otherwise, when direct addressing is
 * allowed, {@code deployment/model} goes straight to that deployment with that upstream model. Alias lookup comes
 * first because upstream model names often contain a slash themselves ({@code meta-llama/Llama-3.1-8B}).
 */
public final class Router {
    private final Map<String, Route> routes;
    private final Map<String, Provider> deployments;
    private final boolean allowDirect;
    private final List<ModelInfo> catalog;

    private Router(Map<String, Route> routes, Map<String, Provider> deployments, boolean allowDirect,
            List<ModelInfo> catalog) {
        this.routes = routes;
        this.deployments = deployments;
        this.allowDirect = allowDirect;
        this.catalog = catalog;
    }

    /**
     * @param created the unix time reported as the models' creation time (the gateway's start)
     * @throws IllegalArgumentException when a route names a deployment that does not exist
     */
    public static Router create(List<Route> routes, List<Provider> deployments, boolean allowDirect,
            long created) {
        var byName = new LinkedHashMap<String, Provider>();
        for (var provider : deployments) {
            if (byName.putIfAbsent(provider.name(), provider) != null) {
                throw new IllegalArgumentException("duplicate deployment " + provider.name());
            }
        }
        var routeMap = new LinkedHashMap<String, Route>();
        for (var route : routes) {
            for (var destination : route.targets()) {
                if (!byName.containsKey(destination.deployment())) {
                    throw new IllegalArgumentException("model " + route.name() + " names unknown deployment "
                            + destination.deployment());
                }
            }
            if (routeMap.putIfAbsent(route.name(), route) != null) {
                throw new IllegalArgumentException("duplicate model " + route.name());
            }
        }
        var catalog = new ArrayList<ModelInfo>();
        for (var route : routeMap.values()) {
            catalog.add(new ModelInfo(route.name(), "warden", created));
        }
        return new Router(Map.copyOf(routeMap), Map.copyOf(byName), allowDirect, List.copyOf(catalog));
    }

    /** @throws ApiException 404 model_not_found when nothing matches */
    public Target resolve(String model) {
        return resolve(model, Access.UNRESTRICTED);
    }

    /**
     * Resolves within what the caller may use: the first of an alias's destinations on an allowed deployment; for a
     * key pinned to a deployment, the alias's destination there, or else the name as that deployment's own model.
     *
     * @throws ApiException 404 model_not_found when nothing matches, 403 when the model exists only on deployments
     *                      the caller may not use
     */
    public Target resolve(String model, Access access) {
        var pinned = access.pinnedDeployment();
        var route = routes.get(model);
        if (route != null) {
            for (var destination : route.targets()) {
                if (access.allowsDeployment(destination.deployment())) {
                    return new Target(deployments.get(destination.deployment()), destination.model());
                }
            }
            if (pinned != null && deployments.containsKey(pinned)) {
                return new Target(deployments.get(pinned), model);
            }
            throw new ApiException(new ApiError.PermissionDenied("This API key may not use the deployments that"
                    + " serve the model '" + model + "'."));
        }
        int slash = model.indexOf('/');
        if (allowDirect && slash > 0 && slash < model.length() - 1) {
            var provider = deployments.get(model.substring(0, slash));
            if (provider != null) {
                if (!access.allowsDeployment(provider.name())) {
                    throw new ApiException(new ApiError.PermissionDenied("This API key may not use the deployment '"
                            + provider.name() + "'."));
                }
                return new Target(provider, model.substring(slash + 1));
            }
        }
        if (pinned != null && deployments.containsKey(pinned)) {
            return new Target(deployments.get(pinned), model);
        }
        throw new ApiException(ApiError.NotFound.model(model));
    }

    /** The aliases clients may name, in configuration order. */
    public List<ModelInfo> catalog() {
        return catalog;
    }
}
