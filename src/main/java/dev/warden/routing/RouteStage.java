package dev.warden.routing;

import dev.warden.identity.Access;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Reply;
import dev.warden.pipeline.Slot;
import dev.warden.pipeline.Stage;

/** Picks the deployment for operations that name a model. */
public final class RouteStage implements Stage {
    private final Router router;

    public RouteStage(Router router) {
        this.router = router;
    }

    @Override
    public Slot slot() {
        return Slot.ROUTE;
    }

    @Override
    public Reply apply(Exchange exchange, Chain next) {
        var access = exchange.principal().map(principal -> principal.access()).orElse(Access.UNRESTRICTED);
        exchange.requireOperation().model().ifPresent(model -> exchange.target(router.resolve(model, access)));
        return next.proceed(exchange);
    }
}
