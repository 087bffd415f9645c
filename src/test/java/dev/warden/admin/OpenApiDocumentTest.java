package dev.warden.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.testkit.TestDatabase;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The hand-written OpenAPI document matches the routes the API serves, both ways, and its references resolve. */
class OpenApiDocumentTest {

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteIsServed() {
        try (var admin = AdminFixture.openQuiet(TestDatabase.Kind.SQLITE)) {
            var document = document(admin);
            assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
            var documented = new TreeSet<String>();
            document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(
                    method -> documented.add(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
            var served = new TreeSet<>(admin.api().routeNames());
            assertThat(documented).isEqualTo(served);
        }
    }

    @Test
    void everySchemaReferenceResolvesAndEveryOperationSaysWhoMayCallIt() {
        try (var admin = AdminFixture.openQuiet(TestDatabase.Kind.SQLITE)) {
            var document = document(admin);
            var refs = new HashSet<String>();
            collectRefs(document, refs);
            for (var ref : refs) {
                var parts = ref.substring(2).split("/");
                JsonNode node = document;
                for (var part : parts) {
                    node = node.get(part);
                    assertThat(node).as(ref).isNotNull();
                }
            }
            var ids = new HashSet<String>();
            document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
                var operation = method.getValue();
                assertThat(ids.add(operation.get("operationId").asText())).as("unique operationId").isTrue();
                if (!path.getKey().endsWith("openapi.json")) {
                    assertThat(operation.get("description").asText()).as(path.getKey()).contains("Roles: ");
                }
            }));
        }
    }

    @Test
    void theDocumentAndThePageNeedNoCredentialAndLoadNothingFromElsewhere() {
        try (var admin = AdminFixture.openQuiet(TestDatabase.Kind.SQLITE)) {
            var page = admin.api().open(AdminRequest.of("GET", "/admin/")).orElseThrow();
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.headers().get("Content-Security-Policy")).contains("script-src 'self'");
            var html = page.text();
            assertThat(html).contains("/admin/admin.js").doesNotContain("http://").doesNotContain("https://");
            var script = admin.api().open(AdminRequest.of("GET", "/admin/admin.js")).orElseThrow().text();
            assertThat(script).contains("/admin/v1/openapi.json").doesNotContain("http://")
                    .doesNotContain("https://").doesNotContain("innerHTML").doesNotContain("localStorage");
            assertThat(admin.api().open(AdminRequest.of("GET", "/admin")).orElseThrow().status()).isEqualTo(308);
            assertThat(admin.api().open(AdminRequest.of("GET", "/admin/v1/keys"))).isEmpty();
            assertThat(admin.api().open(AdminRequest.of("POST", "/admin/v1/openapi.json"))).isEmpty();
        }
    }

    private static JsonNode document(AdminFixture admin) {
        var response = admin.api().open(AdminRequest.of("GET", "/admin/v1/openapi.json")).orElseThrow();
        assertThat(response.status()).isEqualTo(200);
        return AdminFixture.json(response);
    }

    private static void collectRefs(JsonNode node, Set<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                if (entry.getKey().equals("$ref")) {
                    refs.add(entry.getValue().asText());
                } else {
                    collectRefs(entry.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> collectRefs(item, refs));
        }
    }
}
