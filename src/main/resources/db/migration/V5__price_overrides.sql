-- Price overrides set through the admin API. deployment is '' for an override that applies to every deployment
-- serving the model, so (deployment, model) can be unique without relying on how each database treats NULLs in a
-- unique constraint. Rates are decimal strings (US dollars per million tokens), kept exact on both databases.
-- Every write bumps warden_revision in the same transaction, so every instance picks the change up.
CREATE TABLE price_overrides (
    id TEXT PRIMARY KEY,
    deployment TEXT NOT NULL,
    model TEXT NOT NULL,
    input TEXT NOT NULL,
    output TEXT NOT NULL,
    cached_input TEXT,
    cache_write TEXT,
    reasoning TEXT,
    cost_tier TEXT,
    note TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    updated_by TEXT NOT NULL,
    revision BIGINT NOT NULL,
    UNIQUE (deployment, model)
);
