package dev.warden.config;

/**
 * How client model names are resolved. YAML section {@code routing}.
 *
 * @param allowDirect whether a client may name {@code deployment/model} to reach a deployment's model without an
 *                    alias (key {@code allow_direct}, default true). Configured aliases always win, so an alias
 *                    whose name contains a slash is never mistaken for the direct form.
 */
public record RoutingConfig(boolean allowDirect) {

    public static final RoutingConfig DEFAULTS = new RoutingConfig(true);
}
