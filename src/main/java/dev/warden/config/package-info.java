/**
 * Typed, validated configuration. {@link dev.warden.config.ConfigLoader} turns one YAML file into an immutable
 * {@link dev.warden.config.WardenConfig}; every problem found names the key path and the file line, and all
 * problems are reported together. Secrets are resolved here, once, from an injected environment.
 * Imports only the JDK, SnakeYAML and JSpecify.
 */
@NullMarked
package dev.warden.config;

import org.jspecify.annotations.NullMarked;
