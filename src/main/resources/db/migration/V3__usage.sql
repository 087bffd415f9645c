-- Requests and tokens per UTC day, caller and model, for key usage summaries. Written in batches by the gateway,
-- off the request path, by adding to the counters (so any number of instances can write the same row).
CREATE TABLE usage_daily (
    day TEXT NOT NULL,
    principal TEXT NOT NULL,
    model TEXT NOT NULL,
    requests BIGINT NOT NULL,
    errors BIGINT NOT NULL,
    prompt_tokens BIGINT NOT NULL,
    completion_tokens BIGINT NOT NULL,
    last_request_at BIGINT NOT NULL,
    PRIMARY KEY (day, principal, model)
);
