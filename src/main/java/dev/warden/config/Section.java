package dev.warden.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping being read into a record: typed getters that interpolate, convert, report problems with path
 * and line, and fall back to the default so reading goes on and every problem is found in one pass.
 */
final class Section {

    /** A list element with its path, e.g. {@code deployments[2]}. */
    record Item(Node node, String path) {
    }

    private final String path;
    private final int line;
    private final ReadContext context;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Set<String> failed = new HashSet<>();

    private Section(String path, int line, ReadContext context) {
        this.path = path;
        this.line = line;
        this.context = context;
    }

    /** Reads a mapping; an empty value is an empty section; anything else is reported and gives null. */
    static @Nullable Section of(Node node, String path, ReadContext context) {
        var section = new Section(path, Problems.line(node), context);
        if (ReadContext.isNull(node)) {
            return section;
        }
        if (!(node instanceof MappingNode mapping)) {
            context.problems().error(path, node, "expected a mapping (key: value), got " + ReadContext.describe(node));
            return null;
        }
        section.index(mapping);
        return section;
    }

    private void index(MappingNode mapping) {
        var merges = new ArrayList<Node>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode().getTag().equals(Tag.MERGE)) {
                merges.add(tuple.getValueNode());
            } else if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                context.problems().error(path, tuple.getKeyNode(), "keys must be plain names, got "
                        + ReadContext.describe(tuple.getKeyNode()));
            } else if (entries.containsKey(key.getValue())) {
                context.problems().error(path(key.getValue()), key, "duplicate key '" + key.getValue()
                        + "' (first on line " + Problems.line(entries.get(key.getValue()).getKeyNode()) + ")");
            } else {
                entries.put(key.getValue(), tuple);
            }
        }
        // YAML merge keys (<<: *shared) let deployments share timeouts or headers; explicit keys win.
        for (Node merge : merges) {
            var sources = merge instanceof SequenceNode list ? list.getValue() : List.of(merge);
            for (Node source : sources) {
                if (source instanceof MappingNode sourceMapping) {
                    var merged = new Section(path, line, context);
                    merged.index(sourceMapping);
                    merged.entries.forEach(entries::putIfAbsent);
                } else {
                    context.problems().error(path, source, "<< merges a mapping, got "
                            + ReadContext.describe(source));
                }
            }
        }
    }

    String path() {
        return path;
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    int line() {
        return line;
    }

    /** The line of the key's value, or of this section when the key is absent. */
    int line(String key) {
        var tuple = entries.get(key);
        return tuple == null ? line : Problems.line(tuple.getValueNode());
    }

    ReadContext context() {
        return context;
    }

    Problems problems() {
        return context.problems();
    }

    void allowOnly(Collection<String> keys) {
        allowOnly(keys, false);
    }

    /**
     * Reports keys not in {@code keys}. With {@code extensions}, keys starting with {@code x-} are ignored: they
     * hold YAML anchors for {@code <<} merges (as in Compose files) and are never read.
     */
    void allowOnly(Collection<String> keys, boolean extensions) {
        entries.forEach((key, tuple) -> {
            if (!keys.contains(key) && !(extensions && key.startsWith("x-"))) {
                problems().error(path(key), tuple.getKeyNode(), "unknown key '" + key + "'"
                        + Suggestions.hint(key, keys));
            }
        });
    }

    /** The value node, or null when the key is absent or its value is empty (null). */
    @Nullable Node node(String key) {
        var tuple = entries.get(key);
        return tuple == null || ReadContext.isNull(tuple.getValueNode()) ? null : tuple.getValueNode();
    }

    boolean present(String key) {
        return node(key) != null;
    }

    /** True when the key is present but its value could not be read (already reported, or a tolerated unset). */
    boolean failed(String key) {
        return failed.contains(key);
    }

    /** The interpolated string, or null when absent, empty or unreadable. */
    @Nullable String string(String key) {
        var node = node(key);
        if (node == null) {
            return null;
        }
        String text = context.text(node, path(key), "expected a single value");
        if (text == null) {
            failed.add(key);
            return null;
        }
        return text.isEmpty() ? null : text;
    }

    String string(String key, String fallback) {
        String text = string(key);
        return text == null ? fallback : text;
    }

    /** Like {@link #string(String)} but reports a missing or empty value. */
    @Nullable String required(String key) {
        String text = string(key);
        if (text == null && !failed(key) && !emptyTolerated(key)) {
            problems().error(path(key), line(key), entries.containsKey(key)
                    ? "must not be empty" : "missing required key '" + key + "'");
        }
        return text;
    }

    /**
     * True when the key is present but came out empty in a deployment skipped by require_env: its variables are
     * expected to be unset or empty, so emptiness there is not a mistake in the file.
     */
    boolean emptyTolerated(String key) {
        return context.lenientEnv() && entries.containsKey(key);
    }

    int integer(String key, int fallback, int min, int max) {
        String text = string(key);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
            problems().error(path(key), line(key), min == 1 && max == Integer.MAX_VALUE
                    ? "must be a positive integer, got " + value
                    : "must be between " + min + " and " + max + ", got " + value);
        } catch (NumberFormatException notANumber) {
            problems().error(path(key), line(key), "expected an integer, got " + ReadContext.quote(text));
        }
        return fallback;
    }

    boolean bool(String key, boolean fallback) {
        String text = string(key);
        if (text == null) {
            return fallback;
        }
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                problems().error(path(key), line(key), "expected true or false, got " + ReadContext.quote(text));
                yield fallback;
            }
        };
    }

    Duration duration(String key, Duration fallback, boolean zeroAllowed) {
        String text = string(key);
        if (text == null) {
            return fallback;
        }
        var parsed = Durations.parse(text);
        if (parsed.isEmpty()) {
            problems().error(path(key), line(key), Durations.EXPECTED + ", got " + ReadContext.quote(text));
            return fallback;
        }
        if (parsed.get().isZero() && !zeroAllowed) {
            problems().error(path(key), line(key), "must be longer than zero, got " + ReadContext.quote(text));
            return fallback;
        }
        return parsed.get();
    }

    long byteSize(String key, long fallback) {
        String text = string(key);
        if (text == null) {
            return fallback;
        }
        var parsed = ByteSizes.parse(text);
        if (parsed.isEmpty()) {
            problems().error(path(key), line(key), ByteSizes.EXPECTED + ", got " + ReadContext.quote(text));
            return fallback;
        }
        if (parsed.getAsLong() == 0) {
            problems().error(path(key), line(key), "must be larger than zero");
            return fallback;
        }
        return parsed.getAsLong();
    }

    /** The nested mapping, or null when absent or not a mapping (reported). */
    @Nullable Section section(String key) {
        var node = node(key);
        return node == null ? null : Section.of(node, path(key), context);
    }

    /** The elements of a list value; empty when absent or not a list (reported). */
    List<Item> list(String key) {
        var node = node(key);
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            problems().error(path(key), node, "expected a list, got " + ReadContext.describe(node));
            return List.of();
        }
        var items = new ArrayList<Item>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            items.add(new Item(sequence.getValue().get(i), path(key) + "[" + i + "]"));
        }
        return items;
    }

    /** The same entries read with another context, e.g. tolerating unset variables in a skipped deployment. */
    Section with(ReadContext other) {
        var copy = new Section(path, line, other);
        copy.entries.putAll(entries);
        return copy;
    }

    /** The raw value node of a key in {@link #keys()}, null values included. */
    Node value(String key) {
        return entries.get(key).getValueNode();
    }

    Set<String> keys() {
        return entries.keySet();
    }

    /** The key's node, for reporting on the key itself. */
    @Nullable Node keyNode(String key) {
        var tuple = entries.get(key);
        return tuple == null ? null : tuple.getKeyNode();
    }
}
