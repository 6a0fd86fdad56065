-- A mass outage of one district, from its first area.outage to its area.recovered (issue 13): the channel count last
-- announced, so the event is sent again as the loss grows, and the peak, reported with the recovery.
CREATE TABLE area_outage_episode (
    id           bigserial    PRIMARY KEY,
    area_path    varchar(256) NOT NULL,
    started_at   timestamptz  NOT NULL,
    announced    integer      NOT NULL,
    peak         integer      NOT NULL,
    updated_at   timestamptz  NOT NULL,
    ended_at     timestamptz
);
CREATE UNIQUE INDEX area_outage_episode_one_open ON area_outage_episode (area_path) WHERE ended_at IS NULL;

-- Who was told of an outage's start: a camera's recovery goes only to the subscriptions that were.
CREATE INDEX webhook_delivery_event_idx ON webhook_delivery (event_id);

