package dev.warden.config;

import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where the one-line-per-request access log goes. YAML section {@code access_log}.
 *
 * @param target {@code stdout} (default), {@code file} or {@code off} (key {@code target})
 * @param file the log file, set exactly when the target is {@link Target#FILE} (key {@code file}; a relative path
 *             is resolved against the directory of the configuration file)
 * @param queueCapacity how many lines may wait for the writer before new ones are dropped and counted
 *                      (key {@code queue_capacity}, default 65536)
 */
public record AccessLogConfig(Target target, @Nullable Path file, int queueCapacity) {

    public static final AccessLogConfig DEFAULTS = new AccessLogConfig(Target.STDOUT, null, 65536);

    /** Where lines are written. */
    public enum Target {
        STDOUT, FILE, OFF;

        /** The YAML spelling: {@code stdout}, {@code file}, {@code off}. */
        public String yamlName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public AccessLogConfig {
        Objects.requireNonNull(target, "target");
        if ((target == Target.FILE) != (file != null)) {
            throw new IllegalArgumentException("a file is required exactly when the target is FILE");
        }
        if (queueCapacity <= 0) {
            throw new IllegalArgumentException("queueCapacity must be positive: " + queueCapacity);
        }
    }
}
