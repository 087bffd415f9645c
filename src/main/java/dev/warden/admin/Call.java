package dev.warden.admin;

import dev.warden.identity.Directory;
import dev.warden.store.StoreException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** One admin call being handled: who calls, what they sent, the route's path parameters, one directory copy. */
final class Call {
    static final int MAX_LIMIT = 1000;
    private static final int DEFAULT_LIMIT = 100;

    private final Caller caller;
    private final AdminRequest request;
    private final Map<String, String> params;
    private final Directory directory;
    private final Backend backend;

    Call(Caller caller, AdminRequest request, Map<String, String> params, Directory directory, Backend backend) {
        this.caller = caller;
        this.request = request;
        this.params = params;
        this.directory = directory;
        this.backend = backend;
    }

    Caller caller() {
        return caller;
    }

    AdminRequest request() {
        return request;
    }

    /** The directory as read at the start of the call. */
    Directory directory() {
        return directory;
    }

    Backend backend() {
        return backend;
    }

    String param(String name) {
        var value = params.get(name);
        if (value == null) {
            throw new IllegalStateException("the route has no parameter " + name);
        }
        return value;
    }

    JsonBody body(Set<String> fields) {
        return JsonBody.parse(backend.mapper(), request, fields);
    }

    @Nullable String query(String name) {
        var value = request.query().get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    boolean flag(String name) {
        var value = query(name);
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw AdminError.invalid(name, "The query parameter '" + name + "' must be true or false.");
    }

    int limit() {
        int limit = number("limit", DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw AdminError.invalid("limit", "The query parameter 'limit' must be between 1 and " + MAX_LIMIT + ".");
        }
        return limit;
    }

    /** The {@code days} query parameter of usage summaries: 1 to 366, default 30. */
    int days() {
        int days = number("days", 30);
        if (days < 1 || days > 366) {
            throw AdminError.invalid("days", "The query parameter 'days' must be between 1 and 366.");
        }
        return days;
    }

    int offset() {
        int offset = number("offset", 0);
        if (offset < 0) {
            throw AdminError.invalid("offset", "The query parameter 'offset' must not be negative.");
        }
        return offset;
    }

    private int number(String name, int otherwise) {
        var value = query(name);
        if (value == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw AdminError.invalid(name, "The query parameter '" + name + "' must be a whole number.");
        }
    }

    /** One page of an in-memory listing, by the call's offset and limit. */
    AdminResponse page(List<? extends JsonNode> all) {
        int offset = offset();
        int limit = limit();
        int from = Math.min(offset, all.size());
        int to = (int) Math.min((long) from + limit, all.size());
        return backend.views().ok(backend.views().page(all.subList(from, to), to < all.size()));
    }

    /** The answer to a delete: {@code {"id", "object", "deleted": true}}. */
    AdminResponse deleted(String object, String id) {
        return backend.views().ok(backend.views().object().put("id", id).put("object", object)
                .put("deleted", true));
    }

    /**
     * The object the URL names, when it exists and the caller's roles reach it for {@code operation}; otherwise the
     * same 404 either way, so a caller cannot probe what lies outside its reach.
     */
    <T> T visible(Operation operation, @Nullable T object, Function<T, Target> target, String what, String id) {
        if (object == null || !Permissions.allows(caller, operation, target.apply(object))) {
            throw AdminError.notFound("No " + what + " '" + id + "'.");
        }
        return object;
    }

    /**
     * Runs a store write, turning the store's refusals into answers: a conflict (409) names {@code conflictField},
     * an unknown reference that slipped past the checks (a concurrent delete) is a 422.
     */
    void store(Runnable write, @Nullable String conflictField) {
        try {
            write.run();
        } catch (StoreException e) {
            throw switch (e.kind()) {
                case CONFLICT -> AdminError.conflict(conflictField, Checks.capitalized(e.getMessage()) + ".");
                case REFERENCE -> AdminError.unprocessable(null,
                        "The request refers to something that does not exist (it may have just been deleted).");
                case UNAVAILABLE -> e;
            };
        }
    }

    /** A new or changed object must lie within the caller's reach: 403 otherwise (it names no existing object). */
    void require(Operation operation, Target target, String why) {
        if (!Permissions.allows(caller, operation, target)) {
            throw AdminError.forbidden(why);
        }
    }
}
