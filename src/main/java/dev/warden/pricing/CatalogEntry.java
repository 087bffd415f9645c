package dev.warden.pricing;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One model of the built-in catalog.
 *
 * @param provider the catalog provider name ({@code openai}, {@code anthropic}, {@code bedrock}, {@code gemini},
 *                 {@code mistral}, {@code groq}, {@code deepseek})
 * @param id the model id the provider's API takes (for Bedrock, the foundation-model id with its version suffix)
 * @param aliases other names the provider accepts for exactly this model at this price (moving aliases such as
 *                {@code -latest}, dated snapshots that share the price)
 * @param embedding true for embedding models, which bill input tokens only
 * @param price the list price
 * @param contextWindow the largest prompt plus completion, in tokens
 * @param costTier the class used by cost-weighted token budgets
 * @param effective the date the figure was taken from the provider's list, or the date a price change took effect
 * @param source the public pricing page, so an operator can check the figure
 */
public record CatalogEntry(String provider, String id, List<String> aliases, boolean embedding, Price price,
        long contextWindow, CostTier costTier, LocalDate effective, URI source) {

    public CatalogEntry {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(id, "id");
        aliases = List.copyOf(Objects.requireNonNull(aliases, "aliases"));
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(costTier, "costTier");
        Objects.requireNonNull(effective, "effective");
        Objects.requireNonNull(source, "source");
    }
}
