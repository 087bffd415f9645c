package dev.warden.config;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A model alias clients ask for. An item of the YAML list {@code models}: either {@code targets: [{deployment: d,
 * model: m}, ...]} or the one-target shorthand {@code deployment: d} plus {@code model: m} on the alias itself.
 *
 * @param name the alias (key {@code name}), unique
 * @param targets where it is served, in order of preference; never empty
 * @param description shown in model listings (key {@code description}), or null
 * @param limits capacity limits on the alias for every caller (key {@code limits}); {@link RateLimitConfig#NONE}
 *     when unset
 */
public record ModelConfig(String name, List<TargetConfig> targets, @Nullable String description,
        RateLimitConfig limits) {

    public ModelConfig(String name, List<TargetConfig> targets, @Nullable String description) {
        this(name, targets, description, RateLimitConfig.NONE);
    }

    public ModelConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(limits, "limits");
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("model " + name + " has no targets");
        }
    }
}
