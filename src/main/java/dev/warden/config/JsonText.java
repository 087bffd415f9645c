package dev.warden.config;

import java.math.BigDecimal;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Turns a YAML value into JSON text, for dialect defaults that are sent upstream verbatim. Plain scalars follow
 * the YAML 1.2 core schema (true/false, null, numbers; {@code yes}/{@code on} stay strings), quoted scalars are
 * always strings, and interpolation runs first, so {@code ${TEMPERATURE:-0.7}} becomes the number 0.7.
 */
final class JsonText {

    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final Pattern YAML_NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private JsonText() {
    }

    /** The JSON text, or null after reporting a problem. */
    static @Nullable String of(Node node, String path, ReadContext context) {
        return switch (node) {
            case ScalarNode scalar -> scalar(scalar, path, context);
            case SequenceNode sequence -> {
                var array = new StringJoiner(",", "[", "]");
                for (int i = 0; i < sequence.getValue().size(); i++) {
                    String element = of(sequence.getValue().get(i), path + "[" + i + "]", context);
                    if (element == null) {
                        yield null;
                    }
                    array.add(element);
                }
                yield array.toString();
            }
            case MappingNode mapping -> {
                var object = new StringJoiner(",", "{", "}");
                for (NodeTuple tuple : mapping.getValue()) {
                    if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                        context.problems().error(path, tuple.getKeyNode(), "keys must be plain names");
                        yield null;
                    }
                    String value = of(tuple.getValueNode(), path + "." + key.getValue(), context);
                    if (value == null) {
                        yield null;
                    }
                    object.add(string(key.getValue()) + ":" + value);
                }
                yield object.toString();
            }
            default -> {
                context.problems().error(path, node, "cannot be turned into JSON");
                yield null;
            }
        };
    }

    private static @Nullable String scalar(ScalarNode scalar, String path, ReadContext context) {
        if (ReadContext.isNull(scalar)) {
            return "null";
        }
        String text = context.text(scalar, path, "expected a value");
        if (text == null) {
            return null;
        }
        if (!scalar.isPlain()) {
            return string(text);
        }
        return switch (text) {
            case "true", "True", "TRUE" -> "true";
            case "false", "False", "FALSE" -> "false";
            case "null", "Null", "NULL", "~" -> "null";
            default -> {
                if (JSON_NUMBER.matcher(text).matches()) {
                    yield text;
                }
                if (YAML_NUMBER.matcher(text).matches()) {
                    yield new BigDecimal(text).toString();
                }
                yield string(text);
            }
        };
    }

    static String string(String text) {
        var out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
