-- Spend per day (UTC), key, user, team, org and model, for budget reports. Written in batches by the gateway, off
-- the request path, by adding to the counters (any number of instances can write the same row). A caller without
-- a user, team or org has '' there, so the primary key needs no NULLs. Cost is in micro-dollars.
CREATE TABLE spend_daily (
    day TEXT NOT NULL,
    key_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    team_id TEXT NOT NULL,
    org_id TEXT NOT NULL,
    model TEXT NOT NULL,
    cost_micros BIGINT NOT NULL,
    prompt_tokens BIGINT NOT NULL,
    completion_tokens BIGINT NOT NULL,
    requests BIGINT NOT NULL,
    PRIMARY KEY (day, key_id, user_id, team_id, org_id, model)
);
CREATE INDEX spend_daily_key ON spend_daily (key_id, day);
CREATE INDEX spend_daily_user ON spend_daily (user_id, day);
CREATE INDEX spend_daily_team ON spend_daily (team_id, day);
CREATE INDEX spend_daily_org ON spend_daily (org_id, day);
CREATE INDEX spend_daily_model ON spend_daily (model, day);
