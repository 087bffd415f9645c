package dev.warden.config;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A configuration could not be loaded. Holds every problem found in one pass; the message lists them one per
 * line, each as {@code file.yaml:12: deployments[1].timeouts.first_byte: expected a duration ...}.
 */
public final class ConfigException extends RuntimeException {

    private final String source;
    private final List<ConfigProblem> problems;

    public ConfigException(String source, List<ConfigProblem> problems) {
        super(render(source, problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** The file (or resource) the problems were found in, as it appears in the message. */
    public String source() {
        return source;
    }

    /** All problems, ordered by line. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String render(String source, List<ConfigProblem> problems) {
        Objects.requireNonNull(source, "source");
        return problems.stream().map(p -> p.format(source)).collect(Collectors.joining("\n"));
    }
}
