-- Liveness monitor, part 2: what restart safety, maintenance and checkpoint freshness need.

-- Restart grace needs the last success too: "last seen" survives a deploy.
ALTER TABLE channel_status ADD COLUMN last_seen_at timestamptz;
ALTER TABLE channel_status ADD COLUMN last_probe_at timestamptz;
ALTER TABLE channel_status ADD COLUMN detail varchar(256);
CREATE INDEX channel_status_state_idx ON channel_status (state, gb_id);

-- Every state change, for outage timelines and audits. Outlives the camera like outages do.
CREATE TABLE state_transition (
    id          bigserial    PRIMARY KEY,
    gb_id       char(20)     NOT NULL,
    at          timestamptz  NOT NULL,
    from_state  varchar(16)  NOT NULL,
    to_state    varchar(16)  NOT NULL,
    cause       varchar(24),
    flapping    boolean      NOT NULL DEFAULT false
);
CREATE INDEX state_transition_channel_idx ON state_transition (gb_id, at DESC);

-- Planned work. A window repeats every day or week from its first occurrence until `until` (or for ever).
-- Scope criteria are ANDed; at least one is set (the API refuses a city-wide window without a scope).
CREATE TABLE maintenance_window (
    id              bigserial    PRIMARY KEY,
    reason          varchar(256) NOT NULL,
    starts_at       timestamptz  NOT NULL,
    ends_at         timestamptz  NOT NULL,
    recurrence      varchar(8)   NOT NULL DEFAULT 'NONE' CHECK (recurrence IN ('NONE', 'DAILY', 'WEEKLY')),
    until           timestamptz,
    gb_ids          text[]       NOT NULL DEFAULT '{}',
    area_code       varchar(32)  REFERENCES area (code),
    area_path       varchar(256),
    point_classes   integer[]    NOT NULL DEFAULT '{}',
    maintainer_unit varchar(128),
    created_by      varchar(64),
    version         bigint       NOT NULL DEFAULT 0,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at),
    CHECK (until IS NULL OR until >= starts_at)
);

-- Checkpoint freshness: the newest heartbeat per checkpoint, and hourly sums for timeliness and clock accuracy
-- (38k rows a day for 1,590 checkpoints instead of one row per heartbeat).
CREATE TABLE checkpoint_heartbeat (
    checkpoint_gb_id   char(20)    PRIMARY KEY REFERENCES checkpoint (gb_id) ON DELETE CASCADE,
    received_at        timestamptz NOT NULL,
    newest_capture_at  timestamptz,
    pass_count         bigint      NOT NULL DEFAULT 0,
    lanes              jsonb       NOT NULL DEFAULT '[]'
);

CREATE TABLE checkpoint_hourly (
    checkpoint_gb_id   char(20)    NOT NULL REFERENCES checkpoint (gb_id) ON DELETE CASCADE,
    hour               timestamptz NOT NULL,
    heartbeats         integer     NOT NULL DEFAULT 0,
    passes             bigint      NOT NULL DEFAULT 0,
    records            integer     NOT NULL DEFAULT 0,
    timely             integer     NOT NULL DEFAULT 0,
    clock_accurate     integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (checkpoint_gb_id, hour)
);
CREATE INDEX checkpoint_hourly_hour_idx ON checkpoint_hourly (hour);
