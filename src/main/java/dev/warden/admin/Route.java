package dev.warden.admin;

import java.util.Objects;

/**
 * One admin route: a method and a path template under {@code /admin/v1} ({@code /keys/{id}/revoke}), the operation
 * the permission table knows it by, and its handler.
 */
record Route(String method, String template, Operation operation, Handler handler) {

    @FunctionalInterface
    interface Handler {
        AdminResponse handle(Call call);
    }

    Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(handler, "handler");
    }

    static Route get(String template, Operation operation, Handler handler) {
        return new Route("GET", template, operation, handler);
    }

    static Route post(String template, Operation operation, Handler handler) {
        return new Route("POST", template, operation, handler);
    }

    static Route patch(String template, Operation operation, Handler handler) {
        return new Route("PATCH", template, operation, handler);
    }

    static Route put(String template, Operation operation, Handler handler) {
        return new Route("PUT", template, operation, handler);
    }

    static Route delete(String template, Operation operation, Handler handler) {
        return new Route("DELETE", template, operation, handler);
    }
}
