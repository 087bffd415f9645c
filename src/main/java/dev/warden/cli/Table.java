package dev.warden.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Prints JSON objects as an aligned text table of chosen fields. */
final class Table {
    private Table() {}

    static void print(PrintStream out, Iterable<JsonNode> rows, List<String> fields) {
        var cells = new ArrayList<List<String>>();
        cells.add(fields);
        for (var row : rows) {
            cells.add(fields.stream().map(field -> text(row.path(field))).toList());
        }
        var widths = new int[fields.size()];
        for (var line : cells) {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        for (var line : cells) {
            var text = new StringBuilder();
            for (int i = 0; i < line.size(); i++) {
                text.append(i == line.size() - 1 ? line.get(i) : String.format("%-" + (widths[i] + 2) + "s",
                        line.get(i)));
            }
            out.println(text.toString().stripTrailing());
        }
    }

    static String text(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "-";
        }
        if (value.isArray()) {
            var parts = new ArrayList<String>();
            value.forEach(item -> parts.add(text(item)));
            return parts.isEmpty() ? "-" : String.join(",", parts);
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
