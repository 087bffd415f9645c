package dev.warden.config;

import java.util.List;
import java.util.Objects;

/**
 * A successfully loaded configuration and what the loader noticed on the way.
 *
 * @param source the file or resource name used in messages
 * @param config the configuration
 * @param skippedDeployments deployments left out because their {@code require_env} variable is unset or empty
 * @param skippedModels models left out because every target pointed at a skipped deployment
 * @param warnings things that load but are probably not what was meant, and the reasons for skips
 */
public record LoadReport(String source, WardenConfig config, List<String> skippedDeployments,
        List<String> skippedModels, List<ConfigProblem> warnings) {

    public LoadReport {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(config, "config");
        skippedDeployments = List.copyOf(skippedDeployments);
        skippedModels = List.copyOf(skippedModels);
        warnings = List.copyOf(warnings);
    }

    /** The warnings as {@code file.yaml:12: path: message} lines. */
    public List<String> formattedWarnings() {
        return warnings.stream().map(w -> w.format(source)).toList();
    }
}
