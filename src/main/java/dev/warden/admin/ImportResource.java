package dev.warden.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.identity.DirectoryStore;
import dev.warden.identity.KeyStore;
import dev.warden.identity.Limits;
import dev.warden.identity.Tier;
import dev.warden.identity.User;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /users/import}: a CSV file with the header {@code email,tier,alias,budget,rpm}; for every row the user
 * is created when missing and one key minted with that alias and limits. Each row is its own transaction, so good
 * rows land and bad rows are reported; a row whose user already has a live key with that alias is skipped, so an
 * import can be run again. With {@code ?dry_run=true} every row is checked (in the database too) and nothing kept.
 */
final class ImportResource implements Resource {
    static final List<String> COLUMNS = List.of("email", "tier", "alias", "budget", "rpm");
    /** A budget without a window means nothing; imported budgets are monthly. */
    private static final String BUDGET_WINDOW = "monthly";

    @Override
    public List<Route> routes() {
        return List.of(Route.post("/users/import", Operation.USER_IMPORT, this::importUsers));
    }

    private AdminResponse importUsers(Call call) {
        var type = call.request().contentType();
        if (type == null || !type.equals("text/csv")) {
            throw new AdminException(new AdminError(AdminError.Kind.UNSUPPORTED_MEDIA_TYPE, "Send the import as"
                    + " text/csv with the header row " + String.join(",", COLUMNS) + ".", null));
        }
        boolean dryRun = call.flag("dry_run");
        var records = CsvReader.read(new String(call.request().body(), StandardCharsets.UTF_8)).stream()
                .filter(record -> !record.blank()).toList();
        if (records.isEmpty()) {
            throw AdminError.invalid(null, "The file is empty: the first row must be the header "
                    + String.join(",", COLUMNS) + ".");
        }
        var columns = header(records.getFirst());
        var run = new Run(call, columns, dryRun);
        var rows = call.backend().views().object().arrayNode();
        for (var record : records.subList(1, records.size())) {
            rows.add(run.row(record));
        }
        var report = call.backend().views().object().put("object", "import").put("dry_run", dryRun)
                .put("created", run.created).put("skipped", run.skipped).put("errors", run.errors);
        report.set("rows", rows);
        return call.backend().views().ok(report);
    }

    /** Column positions by name; the header is required, and must name email. */
    private static Map<String, Integer> header(CsvReader.Record record) {
        var columns = new HashMap<String, Integer>();
        for (int i = 0; i < record.fields().size(); i++) {
            var name = record.fields().get(i).strip().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                throw AdminError.invalid(name, "Unknown column '" + name + "' in the header row (line "
                        + record.line() + "). Columns: " + String.join(",", COLUMNS) + "; the header row is required.");
            }
            if (columns.put(name, i) != null) {
                throw AdminError.invalid(name, "The column '" + name + "' appears twice in the header row.");
            }
        }
        if (!columns.containsKey("email")) {
            throw AdminError.invalid("email", "The header row must name the email column.");
        }
        return columns;
    }

    /** One import: what earlier rows created, so later rows see it, and the counts. */
    private static final class Run {
        private final Call call;
        private final Map<String, Integer> columns;
        private final boolean dryRun;
        private final Map<String, User> newUsers = new HashMap<>();
        private final Set<String> aliases = new HashSet<>();
        int created;
        int skipped;
        int errors;

        Run(Call call, Map<String, Integer> columns, boolean dryRun) {
            this.call = call;
            this.columns = columns;
            this.dryRun = dryRun;
        }

        ObjectNode row(CsvReader.Record record) {
            var report = call.backend().views().object().put("row", record.line());
            try {
                if (record.problem() != null) {
                    throw AdminError.invalid(null, "Malformed row: " + record.problem() + ".");
                }
                if (record.fields().size() != columns.size()) {
                    throw AdminError.invalid(null, "Malformed row: expected " + columns.size() + " fields, found "
                            + record.fields().size() + ".");
                }
                enroll(record, report);
            } catch (AdminException failed) {
                errors++;
                report.put("status", "error");
                var error = report.putObject("error");
                error.put("field", failed.error().param());
                error.put("message", failed.error().message());
            }
            return report;
        }

        private void enroll(CsvReader.Record record, ObjectNode report) {
            var backend = call.backend();
            var email = Checks.email(value(record, "email"), "email");
            report.put("email", email);
            var tier = tier(value(record, "tier"));
            var alias = value(record, "alias").isEmpty() ? null : KeyFields.alias(value(record, "alias"));
            var limits = new Limits(wholeNumber(value(record, "rpm")), null, null, budget(value(record, "budget")),
                    null);
            if (limits.budgetUsd() != null) {
                limits = new Limits(limits.rpm(), null, null, limits.budgetUsd(), BUDGET_WINDOW);
            }
            var existing = call.directory().userByIdOrEmail(email).filter(u -> u.email().equalsIgnoreCase(email))
                    .orElse(newUsers.get(email.toLowerCase(Locale.ROOT)));
            if (alias != null && existing != null && hasLiveKey(existing.id(), alias)) {
                skipped++;
                report.put("status", "skipped").put("user_id", existing.id());
                report.putObject("error").put("field", "alias").put("message",
                        "The user already has a key with the alias '" + alias + "'.");
                return;
            }
            if (alias != null && !aliases.add(alias)) {
                throw AdminError.conflict("alias", "The alias '" + alias + "' appears on an earlier row.");
            }
            var user = existing != null ? existing : new User(backend.ids().next("usr"), email, null, null, List.of(),
                    Set.of(), tier == null ? null : tier.id(), List.of(), Limits.NONE, Map.of(),
                    backend.clock().instant());
            boolean isNew = existing == null || newUsers.containsValue(existing) && dryRun;
            var minted = new KeyDraft(alias, user.id(), null, null, tier == null ? null : tier.id(), List.of(),
                    Set.of(), Set.of(), null, limits, null, Map.of(), List.of(), true).mint(backend);
            call.store(() -> backend.directory().enroll(new DirectoryStore.Enrollment(isNew ? user : null,
                    minted.key()), dryRun), "alias");
            if (existing == null) {
                newUsers.put(email.toLowerCase(Locale.ROOT), user);
            }
            created++;
            report.put("status", "created").put("user_id", user.id());
            if (!dryRun) {
                report.put("key_id", minted.key().id()).put("key", minted.secret());
            }
        }

        private boolean hasLiveKey(String userId, String alias) {
            return call.backend().keys().list(new KeyStore.Filter(userId, null, null, false, Call.MAX_LIMIT, 0))
                    .stream().anyMatch(key -> alias.equals(key.alias()));
        }

        private String value(CsvReader.Record record, String column) {
            var index = columns.get(column);
            return index == null ? "" : record.fields().get(index).strip();
        }

        private @Nullable Tier tier(String idOrName) {
            if (idOrName.isEmpty()) {
                return null;
            }
            var tiers = call.directory().tiers();
            var byId = tiers.get(idOrName);
            if (byId != null) {
                return byId;
            }
            return tiers.values().stream().filter(tier -> tier.name().equals(idOrName)).findFirst()
                    .orElseThrow(() -> AdminError.unprocessable("tier", "No tier '" + idOrName + "'."));
        }

        private static @Nullable BigDecimal budget(String text) {
            if (text.isEmpty()) {
                return null;
            }
            try {
                var budget = new BigDecimal(text);
                if (budget.signum() < 0) {
                    throw AdminError.unprocessable("budget", "The budget must not be negative.");
                }
                return budget;
            } catch (NumberFormatException e) {
                throw AdminError.invalid("budget", "The budget '" + text + "' is not a number (US dollars).");
            }
        }

        private static @Nullable Long wholeNumber(String text) {
            if (text.isEmpty()) {
                return null;
            }
            try {
                var rpm = Long.parseLong(text);
                if (rpm < 0) {
                    throw AdminError.unprocessable("rpm", "rpm must not be negative.");
                }
                if (rpm > Integer.MAX_VALUE) {
                    // The JSON API's bound too: a rate limiter keeps time in microseconds per minute.
                    throw AdminError.unprocessable("rpm", "rpm must be at most " + Integer.MAX_VALUE + ".");
                }
                return rpm;
            } catch (NumberFormatException e) {
                throw AdminError.invalid("rpm", "rpm '" + text + "' is not a whole number.");
            }
        }
    }
}
