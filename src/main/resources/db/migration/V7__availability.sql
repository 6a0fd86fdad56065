-- Availability (issue 6): how each channel's time counted, as intervals (one open per channel), and rollups of them
-- per hour and per day for every group (area × class × maintainer × owner), so a month is a sum, not a scan.

CREATE TABLE category_interval (
    gb_id       char(20)    NOT NULL,
    category    varchar(12) NOT NULL CHECK (category IN ('UP', 'DOWN', 'MAINTENANCE', 'UNKNOWN', 'REMOVED')),
    started_at  timestamptz NOT NULL,
    ended_at    timestamptz,
    CHECK (ended_at IS NULL OR ended_at >= started_at)
);
CREATE UNIQUE INDEX category_interval_one_open ON category_interval (gb_id) WHERE ended_at IS NULL;
CREATE INDEX category_interval_channel_idx ON category_interval (gb_id, started_at);
CREATE INDEX category_interval_ended_idx ON category_interval (ended_at) WHERE ended_at IS NOT NULL;

CREATE TABLE availability_hourly (
    hour             timestamptz  NOT NULL,
    area_path        varchar(256) NOT NULL,
    point_class      smallint     NOT NULL,
    maintainer_unit  varchar(128) NOT NULL,
    owner_unit       varchar(128) NOT NULL,
    up_s             bigint       NOT NULL,
    down_s           bigint       NOT NULL,
    maintenance_s    bigint       NOT NULL,
    unknown_s        bigint       NOT NULL,
    removed_s        bigint       NOT NULL,
    PRIMARY KEY (hour, area_path, point_class, maintainer_unit, owner_unit)
);

CREATE TABLE availability_daily (
    day              date         NOT NULL,
    area_path        varchar(256) NOT NULL,
    point_class      smallint     NOT NULL,
    maintainer_unit  varchar(128) NOT NULL,
    owner_unit       varchar(128) NOT NULL,
    up_s             bigint       NOT NULL,
    down_s           bigint       NOT NULL,
    maintenance_s    bigint       NOT NULL,
    unknown_s        bigint       NOT NULL,
    removed_s        bigint       NOT NULL,
    PRIMARY KEY (day, area_path, point_class, maintainer_unit, owner_unit)
);
CREATE INDEX availability_daily_area_idx ON availability_daily (area_path text_pattern_ops, day);

-- The same per key-site category (a camera in sites of two categories counts in both, once in each).
CREATE TABLE availability_site_hourly (
    hour             timestamptz  NOT NULL,
    site_category    varchar(32)  NOT NULL,
    area_path        varchar(256) NOT NULL,
    point_class      smallint     NOT NULL,
    maintainer_unit  varchar(128) NOT NULL,
    owner_unit       varchar(128) NOT NULL,
    up_s             bigint       NOT NULL,
    down_s           bigint       NOT NULL,
    maintenance_s    bigint       NOT NULL,
    unknown_s        bigint       NOT NULL,
    removed_s        bigint       NOT NULL,
    PRIMARY KEY (hour, site_category, area_path, point_class, maintainer_unit, owner_unit)
);

CREATE TABLE availability_site_daily (
    day              date         NOT NULL,
    site_category    varchar(32)  NOT NULL,
    area_path        varchar(256) NOT NULL,
    point_class      smallint     NOT NULL,
    maintainer_unit  varchar(128) NOT NULL,
    owner_unit       varchar(128) NOT NULL,
    up_s             bigint       NOT NULL,
    down_s           bigint       NOT NULL,
    maintenance_s    bigint       NOT NULL,
    unknown_s        bigint       NOT NULL,
    removed_s        bigint       NOT NULL,
    PRIMARY KEY (day, site_category, area_path, point_class, maintainer_unit, owner_unit)
);

-- Regulator-style assessment: the online and intact rate sampled at fixed instants of each day, per area × class.
CREATE TABLE daily_assessment (
    day          date        NOT NULL,
    sampled_at   timestamptz NOT NULL,
    area_code    varchar(32) NOT NULL,
    point_class  smallint    NOT NULL,
    monitored    bigint      NOT NULL,
    online       bigint      NOT NULL,
    intact       bigint      NOT NULL,
    PRIMARY KEY (day, sampled_at, area_code, point_class)
);
CREATE INDEX daily_assessment_area_idx ON daily_assessment (area_code, day);
