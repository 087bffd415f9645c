-- Identity: tiers, organizations, teams, users, roles, virtual keys and stored deployments.
-- One script for SQLite and PostgreSQL: ids and JSON documents are TEXT, instants are epoch milliseconds (BIGINT).
-- Every write bumps warden_revision in the same transaction and stamps the written rows with the new value, so
-- every gateway instance sees every change by polling one row (see IdentityStore).

CREATE TABLE warden_revision (
    id INTEGER PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO warden_revision (id, value) VALUES (1, 0);

CREATE TABLE tiers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    models TEXT NOT NULL,
    limits TEXT NOT NULL,
    metadata TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    revision BIGINT NOT NULL
);

CREATE TABLE orgs (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    tier_id TEXT REFERENCES tiers (id),
    models TEXT NOT NULL,
    limits TEXT NOT NULL,
    metadata TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    revision BIGINT NOT NULL
);

CREATE TABLE teams (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES orgs (id),
    name TEXT NOT NULL,
    tier_id TEXT REFERENCES tiers (id),
    models TEXT NOT NULL,
    limits TEXT NOT NULL,
    metadata TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    revision BIGINT NOT NULL,
    UNIQUE (org_id, name)
);

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT,
    org_id TEXT REFERENCES orgs (id),
    tier_id TEXT REFERENCES tiers (id),
    models TEXT NOT NULL,
    limits TEXT NOT NULL,
    metadata TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    revision BIGINT NOT NULL
);

CREATE TABLE team_members (
    team_id TEXT NOT NULL REFERENCES teams (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    PRIMARY KEY (team_id, user_id)
);

-- scope is '' for admin, 'org:<id>' or 'team:<id>'; org_id/team_id repeat it for joins and integrity.
CREATE TABLE user_grants (
    user_id TEXT NOT NULL REFERENCES users (id),
    role TEXT NOT NULL,
    scope TEXT NOT NULL,
    org_id TEXT REFERENCES orgs (id),
    team_id TEXT REFERENCES teams (id),
    PRIMARY KEY (user_id, role, scope)
);

CREATE TABLE virtual_keys (
    id TEXT PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    prefix TEXT NOT NULL,
    alias TEXT UNIQUE,
    user_id TEXT REFERENCES users (id),
    team_id TEXT REFERENCES teams (id),
    org_id TEXT REFERENCES orgs (id),
    tier_id TEXT REFERENCES tiers (id),
    models TEXT NOT NULL,
    endpoints TEXT NOT NULL,
    deployments TEXT NOT NULL,
    pinned_deployment TEXT,
    limits TEXT NOT NULL,
    expires_at BIGINT,
    metadata TEXT NOT NULL,
    tags TEXT NOT NULL,
    enabled BOOLEAN NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at BIGINT,
    revision BIGINT NOT NULL
);
CREATE INDEX virtual_keys_revision ON virtual_keys (revision);
CREATE INDEX virtual_keys_user ON virtual_keys (user_id);
CREATE INDEX virtual_keys_team ON virtual_keys (team_id);

-- A deployment added through the admin API: the same document as a YAML deployment entry, as JSON, with its
-- secrets sealed (AES-256-GCM) before they are written.
CREATE TABLE deployments (
    name TEXT PRIMARY KEY,
    document TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    revision BIGINT NOT NULL
);

