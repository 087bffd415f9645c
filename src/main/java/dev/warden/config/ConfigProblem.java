package dev.warden.config;

import java.util.Objects;

/**
 * One thing wrong (or worth a warning) in a configuration file.
 *
 * @param path the key path, like {@code deployments[1].timeouts.first_byte}; empty for the file as a whole
 * @param line the 1-based line in the file, 0 when unknown
 * @param message what is wrong, phrased for the person editing the file
 */
public record ConfigProblem(String path, int line, String message) {

    public ConfigProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0, got " + line);
        }
    }

    /** Renders the problem like a compiler does: {@code file.yaml:12: server.port: message}. */
    public String format(String source) {
        var text = new StringBuilder(source);
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ");
        if (!path.isEmpty()) {
            text.append(path).append(": ");
        }
        return text.append(message).toString();
    }
}
