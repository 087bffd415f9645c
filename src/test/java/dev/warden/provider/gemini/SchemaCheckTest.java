package dev.warden.provider.gemini;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.llm.ApiException;
import dev.warden.provider.ProviderJson;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class SchemaCheckTest {

    private static void check(String schema) throws IOException {
        SchemaCheck.check(ProviderJson.read(schema), "response_format");
    }

    @Test
    void theDocumentedSubsetPasses() {
        assertThatCode(() -> check("{\"type\":\"object\",\"properties\":{\"pattern\":{\"type\":\"string\"},"
                + "\"tags\":{\"type\":\"array\",\"prefixItems\":[{\"type\":\"string\"}],\"maxItems\":3},"
                + "\"x\":{\"anyOf\":[{\"type\":\"null\"},{\"type\":\"number\",\"maximum\":2}]},"
                + "\"y\":{\"type\":[\"string\",\"null\"],\"format\":\"date-time\"}},"
                + "\"propertyOrdering\":[\"pattern\",\"tags\"],\"additionalProperties\":false}"))
                .doesNotThrowAnyException(); // a property NAMED "pattern" is not the keyword
    }

    @Test
    void unsupportedKeywordsAnywhereAreRefused() {
        assertThatThrownBy(() -> check("{\"type\":\"object\",\"$defs\":{\"a\":{\"type\":\"string\",\"const\":\"x\"}}}"))
                .isInstanceOf(ApiException.class).hasMessageContaining("'const'").hasMessageContaining("#/$defs/a");
        assertThatThrownBy(() -> check("{\"type\":\"array\",\"items\":{\"type\":\"string\",\"minLength\":2}}"))
                .isInstanceOf(ApiException.class).hasMessageContaining("#/items/minLength");
        assertThatThrownBy(() -> check("{\"anyOf\":[{\"type\":\"string\"},{\"not\":{}}]}"))
                .isInstanceOf(ApiException.class).hasMessageContaining("#/anyOf/1/not");
        assertThatThrownBy(() -> check("{\"enum\":[{\"a\":1}]}")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> check("[1]")).isInstanceOf(ApiException.class);
    }
}
