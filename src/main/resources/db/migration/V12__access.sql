-- Access control (issue 16): people log in with a password and a server-side session; machines call with API keys.
-- Both carry one role and, optionally, an area scope (area codes; empty means the whole registry).

CREATE TABLE app_user (
    name                 varchar(64)  PRIMARY KEY,
    -- pbkdf2-sha256$<iterations>$<salt>$<hash>, base64: the JDK's own PBKDF2, no native library.
    password_hash        varchar(256) NOT NULL,
    role                 varchar(16)  NOT NULL CHECK (role IN ('viewer', 'integrator', 'operator', 'admin')),
    area_codes           text[]       NOT NULL DEFAULT '{}',
    -- A one-time password (the first admin's, or one an admin set) must be replaced before anything else.
    must_change_password boolean      NOT NULL DEFAULT false,
    failed_logins        int          NOT NULL DEFAULT 0,
    locked_until         timestamptz,
    last_login_at        timestamptz,
    created_at           timestamptz  NOT NULL DEFAULT now(),
    disabled_at          timestamptz
);

-- Sessions live in the database, not in a signed cookie: logout and a password change end them at once, and a
-- session id known before login is never the one after it (session fixation).
CREATE TABLE app_session (
    token_hash   bytea        PRIMARY KEY,
    user_name    varchar(64)  NOT NULL REFERENCES app_user (name) ON DELETE CASCADE,
    csrf_token   varchar(64)  NOT NULL,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    expires_at   timestamptz  NOT NULL
);
CREATE INDEX app_session_user_idx ON app_session (user_name);

-- An API key is shown once: vgl_<prefix>_<secret>. Only the prefix (to find the row) and the secret's SHA-256 are kept;
-- the secret has 256 random bits, so a slow hash would add latency to every call and no safety.
CREATE TABLE api_key (
    id            bigserial    PRIMARY KEY,
    prefix        varchar(16)  NOT NULL UNIQUE,
    secret_hash   bytea        NOT NULL,
    name          varchar(128) NOT NULL,
    role          varchar(16)  NOT NULL CHECK (role IN ('viewer', 'integrator', 'operator', 'admin')),
    area_codes    text[]       NOT NULL DEFAULT '{}',
    created_by    varchar(160) NOT NULL,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    expires_at    timestamptz,
    last_used_at  timestamptz,
    revoked_at    timestamptz,
    -- A rotation creates a new key and lets the old one live until the grace period ends.
    replaced_by   bigint       REFERENCES api_key (id)
);

-- Who created a subscription: an integrator sees and changes its own only (admins see all within their scope). An
-- area-scoped caller's subscription must filter on an area inside its scope, so it never receives other areas' events.
ALTER TABLE webhook_subscription ADD COLUMN owner varchar(160);


-- Webhook secrets are sealed under the credential key ring (enc:<base64> with the key's id inside), longer than whsec_….
ALTER TABLE webhook_subscription ALTER COLUMN secret TYPE varchar(512), ALTER COLUMN previous_secret TYPE varchar(512);

-- The scope of whoever submitted an import: a district's admin sees its district's imports (and their row errors,
-- which quote the ledger's rows), never another district's.
ALTER TABLE import_job ADD COLUMN scope_paths text[] NOT NULL DEFAULT '{}';

-- Every change, who made it and from where. Append-only: a trigger refuses UPDATE and DELETE, so not even a bug in
-- Vigil can rewrite history (someone with the database's owner role can, which is PostgreSQL's own audit's business).
CREATE TABLE audit_event (
    id           bigserial    PRIMARY KEY,
    at           timestamptz  NOT NULL DEFAULT now(),
    actor        varchar(160) NOT NULL,
    -- The actor's area scope when it made the change: a district's admin reads what its district's people and keys did.
    actor_scope  text[]       NOT NULL DEFAULT '{}',
    source       varchar(64),
    action       varchar(160) NOT NULL,
    target       varchar(512) NOT NULL,
    outcome      smallint     NOT NULL,
    before       jsonb,
    after        jsonb,
    request_id   varchar(64)  NOT NULL
);
CREATE INDEX audit_event_actor_idx ON audit_event (actor, id DESC);

CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only';
END $$;
CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
