package dev.warden.pipeline;

import dev.warden.provider.Provider;
import java.util.Objects;

/** Where the router sent the request: a deployment and the model name that deployment knows it by. */
public record Target(Provider provider, String upstreamModel) {
    public Target {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(upstreamModel, "upstreamModel");
    }

    public String deployment() {
        return provider.name();
    }
}
