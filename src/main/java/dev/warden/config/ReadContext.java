package dev.warden.config;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * What reading one part of the tree needs: where problems go, the environment, and whether unset variables are
 * tolerated (they are inside a deployment skipped by {@code require_env}: its {@code ${OPENAI_API_KEY}} is
 * expected to be unset, but its structure is still checked so typos show up before the variable is set).
 */
record ReadContext(Problems problems, Interpolator interpolator, boolean lenientEnv) {

    ReadContext lenient() {
        return new ReadContext(problems, interpolator, true);
    }

    /**
     * The interpolated text of a scalar; "" for an explicit null or empty value; null (after reporting) when the
     * node is not a scalar or interpolation failed.
     */
    @Nullable String text(Node node, String path, String expected) {
        if (!(node instanceof ScalarNode scalar)) {
            problems.error(path, node, expected + ", got " + describe(node));
            return null;
        }
        if (isNull(scalar)) {
            return "";
        }
        var expansion = interpolator.expand(scalar.getValue());
        if (expansion.syntaxError() != null) {
            problems.error(path, node, expansion.syntaxError());
            return null;
        }
        if (expansion.value() == null) {
            if (!lenientEnv) {
                for (String variable : expansion.unset()) {
                    problems.error(path, node, "environment variable " + variable + " is not set");
                }
            }
            return null;
        }
        return expansion.value();
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL) && scalar.isPlain();
    }

    static String describe(Node node) {
        return switch (node) {
            case MappingNode _ -> "a mapping";
            case SequenceNode _ -> "a list";
            case ScalarNode scalar -> isNull(scalar) ? "nothing" : quote(scalar.getValue());
            default -> "a " + node.getNodeId();
        };
    }

    static String quote(String text) {
        String shown = text.length() > 60 ? text.substring(0, 57) + "..." : text;
        return '"' + shown.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
