package dev.warden.routing;

import dev.warden.identity.Access;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Reply;
import dev.warden.pipeline.Slot;
import dev.warden.pipeline.Stage;
import java.util.function.Supplier;

/** Picks the deployment for operations that name a model. */
public final class RouteStage implements Stage {
    private final Supplier<Router> router;

    /** @param router the current router; it may be replaced between requests as deployments change */
    public RouteStage(Supplier<Router> router) {
        this.router = router;
    }

    @Override
    public Slot slot() {
        return Slot.ROUTE;
    }

    @Override
    public Reply apply(Exchange exchange, Chain next) {
        var access = exchange.principal().map(principal -> principal.access()).orElse(Access.UNRESTRICTED);
        exchange.requireOperation().model().ifPresent(model -> exchange.target(router.get().resolve(model, access)));
        return next.proceed(exchange);
    }
}
