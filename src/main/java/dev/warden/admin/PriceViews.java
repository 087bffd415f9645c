package dev.warden.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.pricing.CostTier;
import dev.warden.pricing.EffectivePrice;
import dev.warden.pricing.Price;
import dev.warden.pricing.PriceOverride;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The JSON of price overrides and effective prices. Rates are JSON numbers, written exactly as stored. */
final class PriceViews {
    private PriceViews() {}

    static ObjectNode override(Views views, PriceOverride override) {
        var node = views.object().put("object", "price_override").put("id", override.id())
                .put("model", override.model());
        node.put("deployment", override.deployment());
        node.put("input", override.input()).put("output", override.output())
                .put("cached_input", override.cachedInput()).put("cache_write", override.cacheWrite())
                .put("reasoning", override.reasoning());
        node.put("cost_tier", tier(override.costTier()));
        node.put("note", override.note());
        Views.instant(node, "created_at", override.created());
        Views.instant(node, "updated_at", override.updated());
        return node.put("updated_by", override.updatedBy());
    }

    static ObjectNode effective(Views views, String deployment, String model, EffectivePrice effective) {
        var node = views.object().put("object", "effective_price").put("deployment", deployment).put("model", model)
                .put("source", effective.source().wire());
        if (effective.price() == null) {
            node.putNull("price");
            node.put("unpriced", effective.unpricedAllowed() ? "allow" : "refuse");
        } else {
            node.set("price", price(views, effective.price()));
        }
        if (effective.override() != null) {
            node.put("override_id", effective.override().id());
            node.put("cost_tier", tier(effective.override().tier()));
        }
        var entry = effective.entry();
        if (entry != null) {
            node.putObject("catalog").put("provider", entry.provider()).put("id", entry.id())
                    .put("effective", entry.effective().toString()).put("source", entry.source().toString());
            node.put("cost_tier", tier(entry.costTier()));
        }
        return node;
    }

    private static ObjectNode price(Views views, Price price) {
        var node = rates(views.object(), price);
        var tiers = node.putArray("tiers");
        for (var tier : price.tiers()) {
            rates(tiers.addObject().put("above_input_tokens", tier.aboveInputTokens()), tier.price());
        }
        return node;
    }

    private static ObjectNode rates(ObjectNode node, Price price) {
        return node.put("input", price.input()).put("output", price.output()).put("cached_input", price.cachedInput())
                .put("cache_write", price.cacheWrite()).put("reasoning", price.reasoning());
    }

    private static @Nullable String tier(@Nullable CostTier tier) {
        return tier == null ? null : tier.name().toLowerCase(Locale.ROOT);
    }
}
