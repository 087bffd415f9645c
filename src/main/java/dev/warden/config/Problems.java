package dev.warden.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;

/** Collects errors and warnings during one load, so all of them are reported together. */
final class Problems {

    // Line 0 (unknown) sorts last; otherwise file order, stable for problems on the same line.
    private static final Comparator<ConfigProblem> BY_LINE =
            Comparator.comparingInt(p -> p.line() == 0 ? Integer.MAX_VALUE : p.line());

    private final List<ConfigProblem> errors = new ArrayList<>();
    private final List<ConfigProblem> warnings = new ArrayList<>();

    void error(String path, int line, String message) {
        errors.add(new ConfigProblem(path, line, message));
    }

    void error(String path, @Nullable Node node, String message) {
        error(path, line(node), message);
    }

    void warn(String path, int line, String message) {
        warnings.add(new ConfigProblem(path, line, message));
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    int errorCount() {
        return errors.size();
    }

    List<ConfigProblem> errors() {
        return errors.stream().sorted(BY_LINE).toList();
    }

    List<ConfigProblem> warnings() {
        return warnings.stream().sorted(BY_LINE).toList();
    }

    /** The 1-based line a node starts on, 0 when unknown. */
    static int line(@Nullable Node node) {
        return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }
}
