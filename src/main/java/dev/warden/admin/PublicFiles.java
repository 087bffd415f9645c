package dev.warden.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * What is served without a credential because it holds no data: the OpenAPI document and the interactive API page
 * (HTML and its script, from this package's resources; nothing is loaded from elsewhere).
 */
final class PublicFiles {
    static final String OPENAPI_PATH = Router.BASE + "/openapi.json";
    /** Scripts only from Warden itself; the page talks only to Warden. */
    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private record File(String contentType, byte[] body) {}

    private final Map<String, File> files;

    PublicFiles() {
        files = Map.of(
                OPENAPI_PATH, new File("application/json", load("openapi.json")),
                "/admin/", new File("text/html; charset=utf-8", load("admin.html")),
                "/admin/admin.js", new File("text/javascript; charset=utf-8", load("admin.js")),
                "/admin/admin.css", new File("text/css; charset=utf-8", load("admin.css")));
    }

    private static byte[] load(String name) {
        try (InputStream in = PublicFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource dev/warden/admin/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file at {@code path} for a GET or HEAD; {@code /admin} is sent on to {@code /admin/}. */
    Optional<AdminResponse> find(AdminRequest request) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return Optional.empty();
        }
        if (request.path().equals("/admin")) {
            return Optional.of(new AdminResponse(308, "text/plain", new byte[0], Map.of("Location", "/admin/")));
        }
        var file = files.get(request.path());
        if (file == null) {
            return Optional.empty();
        }
        return Optional.of(new AdminResponse(200, file.contentType(), file.body(), Map.of(
                "Cache-Control", "no-cache", "Content-Security-Policy", POLICY, "X-Content-Type-Options", "nosniff",
                "Referrer-Policy", "no-referrer")));
    }

    byte[] openApi() {
        return files.get(OPENAPI_PATH).body();
    }
}
