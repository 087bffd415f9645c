package dev.warden.pricing;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * List prices of hosted models plus per-deployment overrides. Immutable; {@link #withOverrides(Map)} returns a
 * new catalog.
 *
 * <p>A model the catalog cannot name is unpriced ({@link Optional#empty()}), never free: a self-hosted model or
 * an Azure deployment (whose names are arbitrary, so they are never mapped to OpenAI's list) is priced by an
 * override that says so, with a real rate or {@link Price#explicitZero()}.
 */
public final class PricingCatalog {

    static final String RESOURCE = "catalog.json";

    /** Warden provider names whose models are priced by another catalog provider's list. */
    private static final Map<String, String> SAME_LIST = Map.of("vertex", "gemini");
    /** Public API hosts of the providers Warden reaches as openai-compatible deployments. */
    private static final Map<String, String> HOSTS = Map.of("api.openai.com", "openai", "api.groq.com", "groq",
            "api.mistral.ai", "mistral", "api.deepseek.com", "deepseek");
    /** A Bedrock model version ({@code -v2}) after the revision is gone; matched only when unambiguous. */
    private static final Pattern BEDROCK_VERSION = Pattern.compile("-v\\d+$");

    private final List<CatalogEntry> entries;
    private final Map<String, Map<String, CatalogEntry>> byProvider;
    private final Map<String, Price> overrides;

    private PricingCatalog(List<CatalogEntry> entries, Map<String, Map<String, CatalogEntry>> byProvider,
            Map<String, Price> overrides) {
        this.entries = entries;
        this.byProvider = byProvider;
        this.overrides = overrides;
    }

    /** The catalog shipped with Warden. Fails with a {@link PricingCatalogException} naming the broken entry. */
    public static PricingCatalog builtIn() {
        try (InputStream in = PricingCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new PricingCatalogException("pricing catalog " + RESOURCE + " is missing from the classpath");
            }
            return of(new CatalogReader("dev/warden/pricing/" + RESOURCE).read(in));
        } catch (IOException e) {
            throw new PricingCatalogException("pricing catalog " + RESOURCE + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** A catalog of these entries; ids and aliases must be unique per provider after normalisation. */
    static PricingCatalog of(List<CatalogEntry> entries) {
        var byProvider = new HashMap<String, Map<String, CatalogEntry>>();
        for (var entry : entries) {
            var keys = byProvider.computeIfAbsent(entry.provider(), p -> new HashMap<>());
            var names = new ArrayList<String>();
            names.add(entry.id());
            names.addAll(entry.aliases());
            for (var name : names) {
                var key = LookupKey.of(entry.provider(), name);
                var previous = keys.putIfAbsent(key, entry);
                if (previous != null) {
                    throw new PricingCatalogException("pricing catalog: " + entry.provider() + "/" + name
                            + " is listed twice (also as " + entry.provider() + "/" + previous.id() + ")");
                }
            }
        }
        var bedrock = byProvider.get("bedrock");
        if (bedrock != null) {
            addUnambiguousVersionless(bedrock);
        }
        var frozen = new HashMap<String, Map<String, CatalogEntry>>();
        byProvider.forEach((provider, keys) -> frozen.put(provider, Map.copyOf(keys)));
        return new PricingCatalog(List.copyOf(entries), Map.copyOf(frozen), Map.of());
    }

    /**
     * {@code anthropic.claude-3-5-sonnet-20241022} names the same model as {@code ...-v2:0} when only one version
     * is listed; Titan embeddings v1 and v2 differ tenfold in price, so an ambiguous base name matches nothing.
     */
    private static void addUnambiguousVersionless(Map<String, CatalogEntry> keys) {
        var candidates = new HashMap<String, CatalogEntry>();
        var ambiguous = new HashSet<String>();
        keys.forEach((key, entry) -> {
            var matcher = BEDROCK_VERSION.matcher(key);
            if (matcher.find()) {
                var base = key.substring(0, matcher.start());
                var previous = candidates.putIfAbsent(base, entry);
                if (previous != null && previous != entry) {
                    ambiguous.add(base);
                }
            }
        });
        candidates.forEach((base, entry) -> {
            if (!ambiguous.contains(base)) {
                keys.putIfAbsent(base, entry);
            }
        });
    }

    /**
     * The catalog entry for a model as a provider names it: its exact id, a listed alias, or (Bedrock) the id
     * with a cross-region prefix, an ARN, a revision or context suffix, or without its version when unambiguous.
     */
    public Optional<CatalogEntry> entry(String provider, String model) {
        Objects.requireNonNull(model, "model");
        var name = provider.strip().toLowerCase(Locale.ROOT);
        var catalogProvider = SAME_LIST.getOrDefault(name, name);
        var keys = byProvider.get(catalogProvider);
        if (keys == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(keys.get(LookupKey.of(catalogProvider, model)));
    }

    /** The list price of a model, or empty when the catalog does not know it. Overrides are not consulted. */
    public Optional<Price> find(String provider, String model) {
        return entry(provider, model).map(CatalogEntry::price);
    }

    /**
     * The price of a model served by a deployment: the deployment's override when it has one (it covers every
     * model the deployment serves), else the list price, else empty (unpriced).
     */
    public Optional<Price> priceFor(String deployment, String provider, String model) {
        var override = overrides.get(deployment);
        return override != null ? Optional.of(override) : find(provider, model);
    }

    /** The cost class of a model served by a deployment; an unpriced model weighs as {@link CostTier#forUnknown()}. */
    public CostTier costTierFor(String deployment, String provider, String model) {
        var override = overrides.get(deployment);
        if (override != null) {
            return CostTier.classify(override, false);
        }
        return entry(provider, model).map(CatalogEntry::costTier).orElse(CostTier.forUnknown());
    }

    /**
     * A catalog in which these per-deployment prices (keyed by deployment name) win over the list and over
     * earlier overrides for the same deployment.
     */
    public PricingCatalog withOverrides(Map<String, Price> byDeployment) {
        var merged = new LinkedHashMap<>(overrides);
        byDeployment.forEach((deployment, price) -> merged.put(Objects.requireNonNull(deployment, "deployment"),
                Objects.requireNonNull(price, "price of " + deployment)));
        return new PricingCatalog(entries, byProvider, Map.copyOf(merged));
    }

    /** The per-deployment overrides in force. */
    public Map<String, Price> overrides() {
        return overrides;
    }

    /** Every catalog entry, in file order. */
    public List<CatalogEntry> entries() {
        return entries;
    }

    /** How many entries each provider has, by provider name. */
    public Map<String, Integer> countByProvider() {
        var counts = new TreeMap<String, Integer>();
        entries.forEach(entry -> counts.merge(entry.provider(), 1, Integer::sum));
        return counts;
    }

    /**
     * The catalog provider whose list prices an {@code openai-compatible} deployment at this host pays, for the
     * providers' own public endpoints only ({@code api.groq.com} is Groq; a proxy or a self-hosted server is not
     * guessed and needs an override).
     */
    public static Optional<String> providerForHost(String host) {
        return Optional.ofNullable(HOSTS.get(host.strip().toLowerCase(Locale.ROOT)));
    }

    /** The provider names the catalog knows. */
    public static Set<String> providers() {
        return CatalogReader.PROVIDERS;
    }
}
