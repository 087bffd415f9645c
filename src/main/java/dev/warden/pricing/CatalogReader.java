package dev.warden.pricing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads and checks the catalog data file. Strict on purpose: an unknown key, a negative or non-numeric price, an
 * unknown provider, a bad date or a repeated id stops startup with a message naming the entry, because a silently
 * wrong price is a silently wrong bill. Numbers are read as {@link BigDecimal} straight from the JSON text, never
 * through a double.
 */
final class CatalogReader {

    /** The providers the catalog may name. Warden's openai-compatible deployments reach groq, mistral, deepseek. */
    static final Set<String> PROVIDERS = Set.of("openai", "anthropic", "bedrock", "gemini", "mistral", "groq",
            "deepseek");

    private static final Set<String> ENTRY_KEYS = Set.of("provider", "id", "aliases", "mode", "input", "output",
            "cached_input", "cache_write", "reasoning", "context", "tiers", "cost_tier", "effective", "source");
    private static final Set<String> TIER_KEYS = Set.of("above", "input", "output", "cached_input", "cache_write",
            "reasoning");
    private static final Set<String> DEFAULT_KEYS = Set.of("source", "effective");

    private final String file;
    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    CatalogReader(String file) {
        this.file = file;
    }

    List<CatalogEntry> read(InputStream in) {
        JsonNode root;
        try {
            root = mapper.readTree(in);
        } catch (JsonProcessingException e) {
            throw fail("not valid JSON: " + e.getOriginalMessage() + " at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()));
        } catch (IOException e) {
            throw new PricingCatalogException("pricing catalog " + file + ": cannot be read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || root.path("format").asInt() != 1) {
            throw fail("expected an object with \"format\": 1");
        }
        var defaults = root.path("providers");
        for (var names = defaults.fieldNames(); names.hasNext();) {
            var name = names.next();
            if (!PROVIDERS.contains(name)) {
                throw fail("providers." + name + ": unknown provider, expected one of " + sorted(PROVIDERS));
            }
            allowOnly(defaults.get(name), DEFAULT_KEYS, "providers." + name);
        }
        var models = root.path("models");
        if (!models.isArray() || models.isEmpty()) {
            throw fail("expected a non-empty \"models\" array");
        }
        var entries = new ArrayList<CatalogEntry>();
        for (int i = 0; i < models.size(); i++) {
            entries.add(entry(models.get(i), "models[" + i + "]", defaults));
        }
        return entries;
    }

    private CatalogEntry entry(JsonNode node, String where, JsonNode defaults) {
        if (!node.isObject()) {
            throw fail(where + ": expected an object");
        }
        var provider = text(node, "provider", where);
        var id = text(node, "id", where);
        var at = where + " (" + provider + "/" + id + ")";
        if (!PROVIDERS.contains(provider)) {
            throw fail(at + ": unknown provider, expected one of " + sorted(PROVIDERS));
        }
        allowOnly(node, ENTRY_KEYS, at);
        var mode = node.has("mode") ? text(node, "mode", at) : "chat";
        if (!mode.equals("chat") && !mode.equals("embedding")) {
            throw fail(at + ": mode is chat or embedding, got " + mode);
        }
        boolean embedding = mode.equals("embedding");
        if (embedding && (node.has("output") || node.has("reasoning") || node.has("tiers"))) {
            throw fail(at + ": an embedding model prices input only");
        }
        var price = price(node, at, embedding);
        if (node.has("tiers")) {
            var tiers = node.get("tiers");
            if (!tiers.isArray() || tiers.isEmpty()) {
                throw fail(at + ": tiers is a non-empty array");
            }
            for (int t = 0; t < tiers.size(); t++) {
                var tierAt = at + ".tiers[" + t + "]";
                var tier = tiers.get(t);
                allowOnly(tier, TIER_KEYS, tierAt);
                long above = count(tier, "above", tierAt);
                try {
                    price = price.withTier(above, price(tier, tierAt, false));
                } catch (IllegalArgumentException e) {
                    throw fail(tierAt + ": " + e.getMessage());
                }
            }
        }
        long context = count(node, "context", at);
        for (var tier : price.tiers()) {
            if (tier.aboveInputTokens() >= context) {
                throw fail(at + ": a tier above " + tier.aboveInputTokens() + " tokens lies beyond the context window "
                        + context);
            }
        }
        var costTier = node.has("cost_tier") ? costTier(text(node, "cost_tier", at), at)
                : CostTier.classify(price, embedding);
        var aliases = new ArrayList<String>();
        if (node.has("aliases") && !node.get("aliases").isArray()) {
            throw fail(at + ": aliases is a list of strings");
        }
        for (var alias : node.path("aliases")) {
            if (!alias.isTextual() || alias.asText().isBlank()) {
                throw fail(at + ": aliases are non-empty strings");
            }
            aliases.add(alias.asText());
        }
        var providerDefaults = defaults.path(provider);
        var effective = date(inherited(node, providerDefaults, "effective", at), at);
        var source = uri(inherited(node, providerDefaults, "source", at), at);
        return new CatalogEntry(provider, id, aliases, embedding, price, context, costTier, effective, source);
    }

    private Price price(JsonNode node, String at, boolean embedding) {
        var input = rate(node, "input", at);
        var output = embedding ? BigDecimal.ZERO : rate(node, "output", at);
        try {
            return new Price(input, output, optionalRate(node, "cached_input", at, input),
                    optionalRate(node, "cache_write", at, input), optionalRate(node, "reasoning", at, output),
                    List.of());
        } catch (IllegalArgumentException e) {
            throw fail(at + ": " + e.getMessage());
        }
    }

    private BigDecimal optionalRate(JsonNode node, String key, String at, BigDecimal otherwise) {
        return node.has(key) ? rate(node, key, at) : otherwise;
    }

    private BigDecimal rate(JsonNode node, String key, String at) {
        var value = node.get(key);
        if (value == null || !value.isNumber()) {
            throw fail(at + ": " + key + " is a number of US dollars per million tokens");
        }
        var rate = value.decimalValue();
        if (rate.signum() < 0) {
            throw fail(at + ": " + key + " price is negative (" + rate.toPlainString() + ")");
        }
        return rate;
    }

    private long count(JsonNode node, String key, String at) {
        var value = node.get(key);
        if (value == null || !value.canConvertToExactIntegral() || value.asLong() <= 0) {
            throw fail(at + ": " + key + " is a positive whole number of tokens");
        }
        return value.asLong();
    }

    private String text(JsonNode node, String key, String at) {
        var value = node.get(key);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw fail(at + ": " + key + " is a non-empty string");
        }
        return value.asText();
    }

    private String inherited(JsonNode node, JsonNode providerDefaults, String key, String at) {
        if (node.has(key)) {
            return text(node, key, at);
        }
        if (providerDefaults.has(key)) {
            return text(providerDefaults, key, at + " (provider default)");
        }
        throw fail(at + ": " + key + " is missing and the provider has no default");
    }

    private LocalDate date(String text, String at) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw fail(at + ": effective is a date like 2025-11-01, got " + text);
        }
    }

    private URI uri(String text, String at) {
        try {
            var uri = new URI(text);
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw fail(at + ": source is an https URL, got " + text);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw fail(at + ": source is an https URL, got " + text);
        }
    }

    private CostTier costTier(String text, String at) {
        try {
            return CostTier.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw fail(at + ": cost_tier is frontier, standard, small or embedding, got " + text);
        }
    }

    private void allowOnly(@Nullable JsonNode node, Set<String> keys, String at) {
        if (node == null || !node.isObject()) {
            throw fail(at + ": expected an object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            var name = names.next();
            if (!keys.contains(name)) {
                throw fail(at + ": unknown key \"" + name + "\", expected one of " + sorted(keys));
            }
        }
    }

    private PricingCatalogException fail(String message) {
        return new PricingCatalogException("pricing catalog " + file + ": " + message);
    }

    private static List<String> sorted(Set<String> names) {
        var list = new ArrayList<>(new HashSet<>(names));
        list.sort(null);
        return list;
    }
}
