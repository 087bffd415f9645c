package dev.warden.routing;

import java.util.List;
import java.util.Objects;

/**
 * A logical model name clients use and the deployments that serve it, in preference order. Today the first
 * target serves; fallbacks and strategies come with the routing work.
 */
public record Route(String name, List<Destination> targets, String description) {
    public Route {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("route " + name + " has no targets");
        }
    }

    /** One deployment and the upstream's name for the model on it. */
    public record Destination(String deployment, String model) {
        public Destination {
            Objects.requireNonNull(deployment, "deployment");
            Objects.requireNonNull(model, "model");
        }
    }
}
