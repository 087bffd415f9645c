package dev.warden.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogReaderTest {

    private static final String GOOD = """
            {"provider": "openai", "id": "gpt-4o", "aliases": ["gpt-4o-2024-08-06"], "input": 2.5,
             "cached_input": 1.25, "output": 10, "context": 128000}""";

    @Test
    void readsPricesExactlyAndInheritsProviderDefaults() {
        var entries = read(GOOD + ",\n" + """
                {"provider": "gemini", "id": "g", "input": 0.1, "output": 0.4, "context": 1000000,
                 "effective": "2025-01-02", "source": "https://example.com/p",
                 "tiers": [{"above": 200000, "input": 0.2, "output": 0.8}]},
                {"provider": "openai", "id": "e", "mode": "embedding", "input": 0.02, "context": 8191}""");
        var gpt = entries.getFirst();
        assertThat(gpt.price().input()).isEqualTo("2.5");
        assertThat(gpt.price().cachedInput()).isEqualTo("1.25");
        assertThat(gpt.price().cacheWrite()).isEqualTo("2.5");
        assertThat(gpt.price().reasoning()).isEqualTo("10");
        assertThat(gpt.effective()).hasToString("2025-11-01");
        assertThat(gpt.source()).hasToString("https://platform.openai.com/docs/pricing");
        var gemini = entries.get(1);
        assertThat(gemini.effective()).hasToString("2025-01-02");
        assertThat(gemini.price().tiers()).singleElement().satisfies(tier -> {
            assertThat(tier.aboveInputTokens()).isEqualTo(200000);
            assertThat(tier.price().output()).isEqualTo("0.8");
        });
        assertThat(entries.get(2).embedding()).isTrue();
        assertThat(entries.get(2).price().output().signum()).isZero();
    }

    @Test
    void aBrokenEntryFailsNamingIt() {
        assertFails("""
                {"provider": "openai", "id": "bad", "input": -1, "output": 10, "context": 1000}""",
                "models[1] (openai/bad): input price is negative (-1)");
        assertFails("""
                {"provider": "acme", "id": "x", "input": 1, "output": 1, "context": 1000}""",
                "models[1] (acme/x): unknown provider");
        assertFails("""
                {"provider": "openai", "id": "x", "input": 1, "output": 1, "context": 1000,
                 "effective": "2025-13-01"}""",
                "models[1] (openai/x): effective is a date");
        assertFails("""
                {"provider": "openai", "id": "gpt-4o-2024-08-06", "input": 1, "output": 1, "context": 1000}""",
                "openai/gpt-4o-2024-08-06 is listed twice (also as openai/gpt-4o)");
        assertFails("""
                {"provider": "openai", "id": "x", "input": 1, "ouput": 1, "context": 1000}""",
                "models[1] (openai/x): unknown key \"ouput\"");
        assertFails("""
                {"provider": "openai", "id": "x", "input": "1", "output": 1, "context": 1000}""",
                "models[1] (openai/x): input is a number");
        assertFails("""
                {"provider": "openai", "id": "x", "mode": "embedding", "input": 1, "output": 1, "context": 1000}""",
                "models[1] (openai/x): an embedding model prices input only");
        assertFails("""
                {"provider": "openai", "id": "x", "input": 1, "output": 1, "context": 1000,
                 "tiers": [{"above": 5000, "input": 2, "output": 2}]}""",
                "models[1] (openai/x): a tier above 5000 tokens lies beyond the context window 1000");
        assertFails("""
                {"provider": "openai", "id": "x", "input": 1, "output": 1, "context": 100000,
                 "tiers": [{"above": 5000, "input": 2, "output": 2}, {"above": 5000, "input": 3, "output": 3}]}""",
                "models[1] (openai/x).tiers[1]: tiers must be sorted by threshold without repeats");
        assertFails("""
                {"provider": "openai", "id": "x", "aliases": "y", "input": 1, "output": 1, "context": 1000}""",
                "models[1] (openai/x): aliases is a list of strings");
        assertFails("""
                {"provider": "openai", "id": "x", "input": 1, "output": 1, "context": 1000, "source": "http://a.b"}""",
                "source is an https URL");
    }

    @Test
    void invalidJsonFailsWithALine() {
        assertThatThrownBy(() -> new CatalogReader("test.json").read(stream("{\"format\": 1,\n \"models\": [")))
                .isInstanceOf(PricingCatalogException.class)
                .hasMessageStartingWith("pricing catalog test.json: not valid JSON")
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> new CatalogReader("test.json").read(stream("{\"format\": 2, \"models\": []}")))
                .hasMessage("pricing catalog test.json: expected an object with \"format\": 1");
    }

    private static void assertFails(String second, String expected) {
        assertThatThrownBy(() -> PricingCatalog.of(read(GOOD + ",\n" + second)))
                .isInstanceOf(PricingCatalogException.class)
                .hasMessageStartingWith("pricing catalog")
                .hasMessageContaining(expected);
    }

    private static List<CatalogEntry> read(String models) {
        var json = """
                {"format": 1,
                 "providers": {"openai": {"source": "https://platform.openai.com/docs/pricing",
                                          "effective": "2025-11-01"}},
                 "models": [%s]}""".formatted(models);
        return new CatalogReader("test.json").read(stream(json));
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
