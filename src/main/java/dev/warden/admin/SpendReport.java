package dev.warden.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.budget.SpendDimension;
import dev.warden.budget.SpendTotal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One spend report, rendered as JSON or as CSV with the same columns. A group of keys, users, teams or
 * organizations carries the name the directory knows it by (a key's alias, a user's name or email, a team's or
 * organization's name); days and models are their own names.
 */
record SpendReport(SpendDimension by, LocalDate from, LocalDate to, List<Row> rows) {

    /** One group and its sums; {@code name} is null when the directory knows none. */
    record Row(SpendTotal total, @Nullable String name) {}

    SpendReport {
        rows = List.copyOf(rows);
    }

    boolean named() {
        return by != SpendDimension.DAY && by != SpendDimension.MODEL;
    }

    String dimension() {
        return by.name().toLowerCase(Locale.ROOT);
    }

    SpendTotal total() {
        long cost = 0;
        long prompt = 0;
        long completion = 0;
        long requests = 0;
        for (var row : rows) {
            cost += row.total().costMicros();
            prompt += row.total().promptTokens();
            completion += row.total().completionTokens();
            requests += row.total().requests();
        }
        return new SpendTotal("total", cost, prompt, completion, requests);
    }

    ObjectNode json(Views views) {
        var node = views.object().put("object", "spend_report").put("by", dimension()).put("from", from.toString())
                .put("to", to.toString());
        var data = node.putArray("data");
        for (var row : rows) {
            var item = data.addObject().put("group", row.total().group());
            if (named()) {
                item.put("name", row.name());
            }
            sums(item, row.total());
        }
        sums(node.putObject("total"), total());
        return node;
    }

    private static void sums(ObjectNode node, SpendTotal total) {
        node.put("cost_usd", Money.usd(total.costMicros())).put("prompt_tokens", total.promptTokens())
                .put("completion_tokens", total.completionTokens()).put("requests", total.requests());
    }

    /** The rows as CSV with a header; the totals are left to the spreadsheet, so every line is a group. */
    AdminResponse csv() {
        var header = new ArrayList<>(List.of("group", "cost_usd", "prompt_tokens", "completion_tokens", "requests"));
        if (named()) {
            header.add(1, "name");
        }
        var csv = new CsvText().row(header);
        for (var row : rows) {
            var total = row.total();
            var fields = new ArrayList<>(List.of(total.group(), Money.usd(total.costMicros()),
                    Long.toString(total.promptTokens()), Long.toString(total.completionTokens()),
                    Long.toString(total.requests())));
            if (named()) {
                fields.add(1, row.name() == null ? "" : row.name());
            }
            csv.row(fields);
        }
        return new AdminResponse(200, "text/csv; charset=utf-8", csv.toString().getBytes(StandardCharsets.UTF_8),
                Map.of("Cache-Control", "no-store", "Content-Disposition", "attachment; filename=\"spend-"
                        + dimension() + "-" + from + "-" + to + ".csv\""));
    }
}
