package dev.warden.routing;

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
        var route = routes.get(model);
        if (route != null) {
            var first = route.targets().getFirst();
            return new Target(deployments.get(first.deployment()), first.model());
        }
        int slash = model.indexOf('/');
        if (allowDirect && slash > 0 && slash < model.length() - 1) {
            var provider = deployments.get(model.substring(0, slash));
            if (provider != null) {
                return new Target(provider, model.substring(slash + 1));
            }
        }
        throw new ApiException(ApiError.NotFound.model(model));
    }

    /** The aliases clients may name, in configuration order. */
    public List<ModelInfo> catalog() {
        return catalog;
    }
}
