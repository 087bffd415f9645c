package dev.warden.admin;

import dev.warden.pricing.CostTier;
import dev.warden.pricing.PriceOverride;
import dev.warden.store.StoreException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code /prices}: price overrides for a model, on one deployment (configured or stored) or on every deployment
 * serving it, and {@code /prices/effective}, the price a call would be charged now and where it comes from. Every
 * instance applies a change within its refresh interval (this one at once). An override names the model as the
 * deployment sends it upstream; its scope (model and deployment) is fixed once created: delete and create again to
 * move it.
 */
final class PricesResource implements Resource {
    private static final Set<String> FIELDS = Set.of("model", "deployment", "input", "output", "cached_input",
            "cache_write", "reasoning", "cost_tier", "note");
    private static final int MAX_NOTE = 1000;

    @Override
    public List<Route> routes() {
        return List.of(
                Route.post("/prices", Operation.PRICE_CREATE, this::create),
                Route.get("/prices", Operation.PRICE_LIST, this::list),
                Route.get("/prices/effective", Operation.PRICE_READ, this::effective),
                Route.get("/prices/{id}", Operation.PRICE_READ, this::read),
                Route.patch("/prices/{id}", Operation.PRICE_UPDATE, this::update),
                Route.delete("/prices/{id}", Operation.PRICE_DELETE, this::delete));
    }

    private AdminResponse create(Call call) {
        var body = call.body(FIELDS);
        var model = Checks.name(body.requiredText("model"), "model");
        var deployment = body.text("deployment");
        if (deployment != null) {
            deployment = knownDeployment(call, deployment.strip(), "deployment");
        }
        var input = required(body, "input");
        var output = required(body, "output");
        var now = call.backend().clock().instant();
        var override = new PriceOverride(call.backend().ids().next("pr"), model, deployment, input, output,
                body.price("cached_input"), body.price("cache_write"), body.price("reasoning"),
                costTier(body.text("cost_tier")), note(body.text("note")), now, now, call.caller().principal().id());
        var scope = deployment == null ? "every deployment" : "deployment '" + deployment + "'";
        try {
            call.backend().prices().store().insert(override);
        } catch (StoreException e) {
            if (e.kind() != StoreException.Kind.CONFLICT) {
                throw e;
            }
            throw AdminError.conflict("model", "There is already a price override for model '" + model + "' on "
                    + scope + "; change it with PATCH /admin/v1/prices/{id}.");
        }
        return call.backend().views().created(PriceViews.override(call.backend().views(), override));
    }

    private AdminResponse list(Call call) {
        var model = call.query("model");
        var views = call.backend().views();
        return call.page(call.backend().prices().store().list().stream()
                .filter(override -> model == null || override.model().equals(model))
                .map(override -> PriceViews.override(views, override))
                .toList());
    }

    private PriceOverride find(Call call) {
        var id = call.param("id");
        return call.backend().prices().store().find(id)
                .orElseThrow(() -> AdminError.notFound("No price override '" + id + "'."));
    }

    private AdminResponse read(Call call) {
        return call.backend().views().ok(PriceViews.override(call.backend().views(), find(call)));
    }

    private AdminResponse update(Call call) {
        var old = find(call);
        var body = call.body(FIELDS);
        for (var fixed : List.of("model", "deployment")) {
            if (body.has(fixed)) {
                throw AdminError.invalid(fixed, "The field '" + fixed + "' of a price override cannot change;"
                        + " delete it and create a new one instead.");
            }
        }
        var override = new PriceOverride(old.id(), old.model(), old.deployment(),
                body.has("input") ? required(body, "input") : old.input(),
                body.has("output") ? required(body, "output") : old.output(),
                body.has("cached_input") ? body.price("cached_input") : old.cachedInput(),
                body.has("cache_write") ? body.price("cache_write") : old.cacheWrite(),
                body.has("reasoning") ? body.price("reasoning") : old.reasoning(),
                body.has("cost_tier") ? costTier(body.text("cost_tier")) : old.costTier(),
                body.has("note") ? note(body.text("note")) : old.note(),
                old.created(), call.backend().clock().instant(), call.caller().principal().id());
        call.store(() -> {
            if (!call.backend().prices().store().update(override)) {
                throw new java.util.NoSuchElementException("no price override '" + old.id() + "'");
            }
        }, null);
        return call.backend().views().ok(PriceViews.override(call.backend().views(), override));
    }

    private AdminResponse delete(Call call) {
        var override = find(call);
        call.store(() -> call.backend().prices().store().delete(override.id()), null);
        return call.deleted("price_override", override.id());
    }

    private AdminResponse effective(Call call) {
        var deployment = call.query("deployment");
        var model = call.query("model");
        if (deployment == null) {
            throw AdminError.invalid("deployment", "The query parameter 'deployment' is required.");
        }
        if (model == null) {
            throw AdminError.invalid("model", "The query parameter 'model' is required (the upstream model name).");
        }
        knownDeployment(call, deployment, "deployment");
        var effective = call.backend().prices().explainer().effective(deployment, model);
        return call.backend().views().ok(PriceViews.effective(call.backend().views(), deployment, model, effective));
    }

    /** A deployment of the configuration file or one stored through the API; anything else is a 400. */
    private static String knownDeployment(Call call, String name, String field) {
        var deployments = call.backend().deployments();
        if (deployments.configured().containsKey(name) || deployments.store().find(name).isPresent()) {
            return name;
        }
        throw AdminError.invalid(field, "No deployment '" + name + "' (neither in the configuration file nor"
                + " stored through the admin API).");
    }

    private static BigDecimal required(JsonBody body, String field) {
        var price = body.price(field);
        if (price == null) {
            throw AdminError.invalid(field, "The field '" + field + "' is required (US dollars per million tokens;"
                    + " 0 for a model that is free on purpose).");
        }
        return price;
    }

    private static @Nullable CostTier costTier(@Nullable String text) {
        if (text == null) {
            return null;
        }
        return Arrays.stream(CostTier.values()).filter(tier -> tier.name().equalsIgnoreCase(text.strip()))
                .findFirst().orElseThrow(() -> AdminError.invalid("cost_tier", "Unknown cost tier '" + text
                        + "'. Cost tiers: frontier, standard, small, embedding."));
    }

    private static @Nullable String note(@Nullable String note) {
        if (note != null && note.length() > MAX_NOTE) {
            throw AdminError.invalid("note", "The field 'note' must be at most " + MAX_NOTE + " characters.");
        }
        return note;
    }
}
