-- Events for alerting systems (issue 6): an outbox written in the same transaction as the state change it reports,
-- webhook subscriptions, one delivery per (event, subscription) and a log of every attempt.

CREATE TABLE event_outbox (
    id           bigserial    PRIMARY KEY,
    type         varchar(48)  NOT NULL,
    occurred_at  timestamptz  NOT NULL,
    gb_id        char(20),
    area_path    varchar(256),
    point_class  smallint,
    severity     smallint     NOT NULL DEFAULT 2,
    outage_id    bigint,
    data         jsonb        NOT NULL,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    -- The writing transaction: readers take events in (txid, id) order and only from transactions older than every
    -- running one, so an event whose transaction commits late is never skipped by a cursor that moved past its id.
    txid         xid8         NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX event_outbox_txid_idx ON event_outbox (txid, id);
-- One event per (outage, event type): replaying a journal batch after a failure cannot duplicate an alert.
CREATE UNIQUE INDEX event_outbox_one_per_outage ON event_outbox (outage_id, type) WHERE outage_id IS NOT NULL;
CREATE INDEX event_outbox_area_idx ON event_outbox (area_path text_pattern_ops, created_at);

CREATE TABLE webhook_subscription (
    id                 bigserial     PRIMARY KEY,
    url                varchar(2048) NOT NULL,
    description        varchar(256),
    event_types        text[]        NOT NULL,
    area_code          varchar(32),
    area_path          varchar(256),
    point_classes      smallint[]    NOT NULL DEFAULT '{}',
    site_categories    text[]        NOT NULL DEFAULT '{}',
    min_severity       smallint      NOT NULL DEFAULT 1,
    camera_events_in_mass_outage boolean NOT NULL DEFAULT false,
    secret             varchar(128)  NOT NULL,
    previous_secret    varchar(128),
    previous_until     timestamptz,
    enabled            boolean       NOT NULL DEFAULT true,
    disabled_reason    varchar(256),
    failing_since      timestamptz,
    -- Events of transactions from this one on are fanned out to it (new subscriptions start at the present).
    start_txid         xid8          NOT NULL DEFAULT pg_current_xact_id(),
    created_at         timestamptz   NOT NULL DEFAULT now(),
    updated_at         timestamptz   NOT NULL DEFAULT now(),
    version            bigint        NOT NULL DEFAULT 0
);

-- How far the fan-out has read the outbox (one row), in (txid, id) order.
CREATE TABLE outbox_cursor (
    name       varchar(32) PRIMARY KEY,
    last_txid  xid8        NOT NULL,
    last_id    bigint      NOT NULL
);
INSERT INTO outbox_cursor (name, last_txid, last_id) VALUES ('webhooks', '0', 0);

CREATE TABLE webhook_delivery (
    id               bigserial   PRIMARY KEY,
    subscription_id  bigint      NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_id         bigint      NOT NULL REFERENCES event_outbox (id),
    state            varchar(12) NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED', 'CANCELLED')),
    attempts         int         NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    claimed_until    timestamptz,
    last_status      int,
    created_at       timestamptz NOT NULL DEFAULT now(),
    delivered_at     timestamptz,
    UNIQUE (subscription_id, event_id)
);
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX webhook_delivery_subscription_idx ON webhook_delivery (subscription_id, id DESC);

CREATE TABLE webhook_attempt (
    id            bigserial    PRIMARY KEY,
    delivery_id   bigint       NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempted_at  timestamptz  NOT NULL,
    status        int,
    latency_ms    int          NOT NULL,
    error         varchar(256),
    response      varchar(512)
);
CREATE INDEX webhook_attempt_delivery_idx ON webhook_attempt (delivery_id, id);

-- area.online_rate_below: which area × class rates are below their threshold now (the alarm fires once per crossing).
CREATE TABLE rate_alarm (
    area_code    varchar(32) NOT NULL,
    point_class  smallint    NOT NULL,
    below        boolean     NOT NULL,
    since        timestamptz NOT NULL,
    PRIMARY KEY (area_code, point_class)
);

-- checkpoint.offline / checkpoint.stale: which checkpoints are in each condition now (each fires once per episode).
CREATE TABLE checkpoint_alarm (
    gb_id    char(20)    PRIMARY KEY,
    offline  boolean     NOT NULL,
    stale    boolean     NOT NULL,
    since    timestamptz NOT NULL
);
