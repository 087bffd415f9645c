package dev.warden.admin;

import dev.warden.identity.VirtualKey;
import dev.warden.observe.UsageRow;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** {@code /keys/{id}/revoke}, {@code /rotate} and {@code /usage}. */
final class KeyActions implements Resource {
    private static final Duration DEFAULT_GRACE = Duration.ofHours(24);

    @Override
    public List<Route> routes() {
        return List.of(
                Route.post("/keys/{id}/revoke", Operation.KEY_REVOKE, this::revoke),
                Route.post("/keys/{id}/rotate", Operation.KEY_ROTATE, this::rotate),
                Route.get("/keys/{id}/usage", Operation.KEY_USAGE, this::usage));
    }

    /** Permanent; revoking a revoked key changes nothing and answers the same. */
    private AdminResponse revoke(Call call) {
        var old = KeysResource.find(call, Operation.KEY_REVOKE);
        call.body(Set.of());
        var backend = call.backend();
        var now = backend.clock().instant();
        var key = old;
        if (old.revokedAt() == null) {
            key = new VirtualKey(old.id(), old.hash(), old.prefix(), old.alias(), old.userId(), old.teamId(),
                    old.orgId(), old.tierId(), old.models(), old.endpoints(), old.deployments(),
                    old.pinnedDeployment(), old.limits(), old.expiresAt(), old.metadata(), old.tags(), false,
                    old.created(), now, old.lastUsed(), now);
            var revoked = key;
            call.store(() -> backend.keys().update(revoked), null);
        }
        return backend.views().ok(backend.views().key(key, now));
    }

    /**
     * A new secret with the same attributes (and alias), returned once; the old secret keeps working for the grace
     * period so clients can switch over without an outage.
     */
    private AdminResponse rotate(Call call) {
        var old = KeysResource.find(call, Operation.KEY_ROTATE);
        var body = call.body(Set.of("grace_period"));
        var graceText = body.text("grace_period");
        var grace = graceText == null ? DEFAULT_GRACE : DurationText.parse(graceText).orElseThrow(() -> AdminError.invalid("grace_period",
                        "'grace_period' must be a duration such as 24h, 30m or 0s."));
        var backend = call.backend();
        var now = backend.clock().instant();
        var state = Views.state(old, now);
        if (state.equals("revoked") || state.equals("expired")) {
            throw AdminError.conflict(null, "The key is " + state + " and cannot be rotated; create a new key.");
        }
        var minted = KeyDraft.of(old).mint(backend);
        call.store(() -> backend.keys().rotate(old.id(), now.plus(grace), minted.key()), null);
        var view = backend.views().key(minted.key(), now);
        view.put("key", minted.secret());
        view.put("rotated_from", old.id());
        var oldExpires = old.expiresAt() != null && old.expiresAt().isBefore(now.plus(grace)) ? old.expiresAt()
                : now.plus(grace);
        Views.instant(view, "previous_key_expires_at", oldExpires);
        return backend.views().created(view);
    }

    /**
     * What is known about the key's use: its state, and requests, errors and tokens per UTC day and model over the
     * last {@code days} days (default 30, at most 366), from the usage counters (written every few seconds).
     */
    private AdminResponse usage(Call call) {
        var key = KeysResource.find(call, Operation.KEY_USAGE);
        var backend = call.backend();
        var now = backend.clock().instant();
        var view = backend.views().object().put("object", "key.usage").put("id", key.id())
                .put("state", Views.state(key, now)).put("enabled", key.enabled());
        Views.instant(view, "created_at", key.created());
        Views.instant(view, "last_used_at", key.lastUsed());
        Views.instant(view, "expires_at", key.expiresAt());
        Views.instant(view, "revoked_at", key.revokedAt());
        int days = call.days();
        var to = java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
        var from = to.minusDays(days - 1L);
        var rows = backend.usage().forPrincipal(key.id(), from, to);
        var requests = view.putObject("requests").put("from", from.toString()).put("to", to.toString());
        var total = requests.putObject("total");
        total.put("requests", rows.stream().mapToLong(UsageRow::requests).sum())
                .put("errors", rows.stream().mapToLong(UsageRow::errors).sum())
                .put("prompt_tokens", rows.stream().mapToLong(UsageRow::promptTokens).sum())
                .put("completion_tokens", rows.stream().mapToLong(UsageRow::completionTokens).sum());
        var byDay = requests.putArray("by_day");
        for (var row : rows) {
            byDay.addObject().put("day", row.day().toString()).put("model", row.model())
                    .put("requests", row.requests()).put("errors", row.errors())
                    .put("prompt_tokens", row.promptTokens()).put("completion_tokens", row.completionTokens());
        }
        return backend.views().ok(view);
    }
}
