package dev.warden.config;

import java.util.Objects;

/**
 * One place a model alias can be served from.
 *
 * @param deployment the name of a configured deployment (key {@code deployment})
 * @param model the model name the upstream knows (key {@code model}; defaults to the alias name)
 */
public record TargetConfig(String deployment, String model) {

    public TargetConfig {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(model, "model");
    }
}
