package dev.warden.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads a deployment's {@code dialect}: a preset name, or a mapping of preset, rename, drop and defaults. */
final class DialectReader {

    private static final List<String> KEYS = List.of("preset", "rename", "drop", "defaults");

    private DialectReader() {
    }

    static @Nullable DialectConfig read(Section deployment) {
        var node = deployment.node("dialect");
        if (node == null) {
            return null;
        }
        if (node instanceof ScalarNode) {
            String preset = preset(deployment, "dialect");
            return preset == null ? null : DialectConfig.preset(preset);
        }
        var dialect = deployment.section("dialect");
        if (dialect == null) {
            return null;
        }
        dialect.allowOnly(KEYS);
        var problems = dialect.problems();
        String preset = preset(dialect, "preset");

        var rename = new LinkedHashMap<String, String>();
        var renames = dialect.section("rename");
        if (renames != null) {
            for (String from : renames.keys()) {
                String to = renames.required(from);
                if (to != null) {
                    rename.put(from, to.strip());
                }
            }
        }

        var drop = new ArrayList<String>();
        for (var item : dialect.list("drop")) {
            String name = dialect.context().text(item.node(), item.path(), "expected a parameter name");
            if (name == null) {
                continue;
            }
            if (name.isBlank()) {
                problems.error(item.path(), item.node(), "must not be empty");
            } else if (rename.containsKey(name.strip())) {
                problems.error(item.path(), item.node(), "'" + name.strip()
                        + "' is both renamed and dropped; keep one");
            } else if (drop.contains(name.strip())) {
                problems.error(item.path(), item.node(), "'" + name.strip() + "' is listed twice");
            } else {
                drop.add(name.strip());
            }
        }

        var defaults = new LinkedHashMap<String, String>();
        var defaultValues = dialect.section("defaults");
        if (defaultValues != null) {
            for (String parameter : defaultValues.keys()) {
                String json = JsonText.of(defaultValues.value(parameter), defaultValues.path(parameter),
                        dialect.context());
                if (json != null) {
                    defaults.put(parameter, json);
                }
            }
        }
        return new DialectConfig(preset, rename, drop, defaults);
    }

    private static @Nullable String preset(Section section, String key) {
        String preset = section.string(key);
        if (preset == null) {
            return null;
        }
        if (!DialectConfig.PRESETS.contains(preset)) {
            section.problems().error(section.path(key), section.line(key), "unknown dialect preset '" + preset + "'"
                    + Suggestions.choices(preset, DialectConfig.PRESETS));
            return null;
        }
        return preset;
    }
}
