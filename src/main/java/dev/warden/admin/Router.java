package dev.warden.admin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Finds the route for a method and path. A literal segment beats a parameter ({@code /users/import} is not the
 * user "import"); a path that exists under other methods is a 405 with the methods it allows.
 */
final class Router {
    static final String BASE = "/admin/v1";

    /** What a lookup found. */
    sealed interface Lookup {}

    /** A route with the values of its path parameters. */
    record Match(Route route, Map<String, String> params) implements Lookup {}

    /** No route for the method: the path exists under {@code allowed} methods, or not at all (empty). */
    record Miss(List<String> allowed) implements Lookup {}

    private final List<Route> routes;

    Router(List<Route> routes) {
        var seen = new TreeSet<String>();
        for (var route : routes) {
            if (!seen.add(route.method() + " " + route.template())) {
                throw new IllegalArgumentException("two routes for " + route.method() + " " + route.template());
            }
        }
        this.routes = List.copyOf(routes);
    }

    List<Route> routes() {
        return routes;
    }

    Lookup find(String method, String path) {
        if (!path.startsWith(BASE + "/")) {
            return new Miss(List.of());
        }
        var segments = segments(path.substring(BASE.length()));
        @Nullable Match best = null;
        int bestLiterals = -1;
        var allowed = new TreeSet<String>();
        for (var route : routes) {
            var params = match(segments(route.template()), segments);
            if (params == null) {
                continue;
            }
            allowed.add(route.method());
            int literals = literals(route.template());
            if (route.method().equals(method) && literals > bestLiterals) {
                best = new Match(route, params);
                bestLiterals = literals;
            }
        }
        return best != null ? best : new Miss(List.copyOf(allowed));
    }

    private static List<String> segments(String path) {
        var parts = new ArrayList<String>();
        for (var part : path.split("/", -1)) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }

    private static int literals(String template) {
        return (int) segments(template).stream().filter(part -> !part.startsWith("{")).count();
    }

    private static @Nullable Map<String, String> match(List<String> template, List<String> path) {
        if (template.size() != path.size()) {
            return null;
        }
        var params = new HashMap<String, String>();
        for (int i = 0; i < template.size(); i++) {
            var expected = template.get(i);
            if (expected.startsWith("{")) {
                params.put(expected.substring(1, expected.length() - 1), path.get(i));
            } else if (!expected.equals(path.get(i))) {
                return null;
            }
        }
        return params;
    }
}
