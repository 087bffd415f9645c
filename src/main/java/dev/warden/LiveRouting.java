package dev.warden;

import dev.warden.config.ConfigException;
import dev.warden.config.DeploymentConfig;
import dev.warden.config.ModelConfig;
import dev.warden.provider.Provider;
import dev.warden.registry.DeploymentDocuments;
import dev.warden.registry.StoredDeployment;
import dev.warden.routing.Route;
import dev.warden.routing.Router;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The router of this instance: the configured deployments and aliases, plus those stored through the admin API,
 * rebuilt whenever the stored ones change and swapped in atomically (a request in flight keeps the router it
 * started with). A stored deployment whose document no longer opens or validates (for example after the server
 * secret changed) is left out and logged, never half-built; an unchanged one keeps its provider.
 */
final class LiveRouting implements Supplier<Router>, Consumer<List<StoredDeployment>> {
    private static final System.Logger LOG = System.getLogger("warden.routing");

    private record Built(String document, DeploymentConfig deployment, Provider provider, List<ModelConfig> models) {}

    private final List<Provider> configured;
    private final List<Route> configuredRoutes;
    private final boolean allowDirect;
    private final long created;
    private final Providers factory;
    private final DeploymentDocuments documents;
    private volatile Router current;
    private volatile Map<String, Built> built = Map.of();

    LiveRouting(List<Provider> configured, List<Route> configuredRoutes, boolean allowDirect, long created,
            Providers factory, DeploymentDocuments documents) {
        this.configured = List.copyOf(configured);
        this.configuredRoutes = List.copyOf(configuredRoutes);
        this.allowDirect = allowDirect;
        this.created = created;
        this.factory = factory;
        this.documents = documents;
        this.current = Router.create(configuredRoutes, configured, allowDirect, created);
    }

    /** A deployment stored through the admin API and currently routed to. */
    java.util.Optional<DeploymentConfig> stored(String name) {
        var entry = built.get(name);
        return entry == null ? java.util.Optional.empty() : java.util.Optional.of(entry.deployment());
    }

    @Override
    public Router get() {
        return current;
    }

    static Route route(ModelConfig model) {
        return new Route(model.name(),
                model.targets().stream().map(t -> new Route.Destination(t.deployment(), t.model())).toList(),
                model.description() == null ? "" : model.description());
    }

    @Override
    public synchronized void accept(List<StoredDeployment> stored) {
        var names = new HashSet<String>();
        configured.forEach(provider -> names.add(provider.name()));
        var aliases = new HashSet<String>();
        configuredRoutes.forEach(route -> aliases.add(route.name()));
        var next = new HashMap<String, Built>();
        var providers = new ArrayList<>(configured);
        var routes = new ArrayList<>(configuredRoutes);
        for (var deployment : stored) {
            if (!names.add(deployment.name())) {
                LOG.log(Level.WARNING, "stored deployment '" + deployment.name() + "' is ignored: the configuration"
                        + " file has a deployment of that name");
                continue;
            }
            var entry = build(deployment);
            if (entry == null) {
                continue;
            }
            next.put(deployment.name(), entry);
            providers.add(entry.provider());
            for (var model : entry.models()) {
                if (aliases.add(model.name())) {
                    routes.add(route(model));
                } else {
                    LOG.log(Level.WARNING, "model '" + model.name() + "' of stored deployment '" + deployment.name()
                            + "' is ignored: another deployment already serves that alias");
                }
            }
        }
        current = Router.create(routes, providers, allowDirect, created);
        built = Map.copyOf(next);
    }

    private Built build(StoredDeployment deployment) {
        var previous = built.get(deployment.name());
        if (previous != null && previous.document().equals(deployment.document())) {
            return previous;
        }
        try {
            var parsed = documents.parse(documents.open(documents.read(deployment.document())));
            // The row's name is what conflicts were checked against; a document naming another deployment would
            // make the whole router fail to build (a duplicate provider) and block every other change.
            if (!parsed.deployment().name().equals(deployment.name())) {
                LOG.log(Level.ERROR, "stored deployment '" + deployment.name() + "' is left out: its document names"
                        + " deployment '" + parsed.deployment().name() + "'");
                return null;
            }
            return new Built(deployment.document(), parsed.deployment(), factory.provider(parsed.deployment()),
                    parsed.models());
        } catch (ConfigException | IllegalArgumentException | IllegalStateException invalid) {
            LOG.log(Level.ERROR, "stored deployment '" + deployment.name() + "' is left out: "
                    + invalid.getMessage());
            return null;
        }
    }
}
