-- Liveness monitor: last known state per channel (restart grace) and outage history.

CREATE TABLE channel_status (
    gb_id         char(20)    PRIMARY KEY REFERENCES camera (gb_id) ON DELETE CASCADE,
    state         varchar(16) NOT NULL CHECK (state IN ('UNKNOWN', 'ONLINE', 'DEGRADED', 'OFFLINE', 'UNREACHABLE')),
    since         timestamptz NOT NULL,
    cause         varchar(24),
    flapping      boolean     NOT NULL DEFAULT false,
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- Outages outlive their camera in the registry: history is not deleted with it.
CREATE TABLE outage (
    id          bigserial    PRIMARY KEY,
    gb_id       char(20)     NOT NULL,
    area_path   varchar(256) NOT NULL,
    point_class smallint     NOT NULL,
    cause       varchar(24),
    started_at  timestamptz  NOT NULL,
    ended_at    timestamptz,
    acked_by    varchar(64),
    acked_at    timestamptz,
    ack_note    varchar(512),
    CHECK (ended_at IS NULL OR ended_at >= started_at)
);
-- The invariant that holds whatever the writers do: at most one open outage per channel.
CREATE UNIQUE INDEX outage_one_open_per_channel ON outage (gb_id) WHERE ended_at IS NULL;
CREATE INDEX outage_channel_idx ON outage (gb_id, started_at DESC);
CREATE INDEX outage_area_idx ON outage (area_path text_pattern_ops, started_at DESC);
