-- Registry: areas, cameras, checkpoints, key sites. PostgreSQL 14+.

-- Trigram indexes make the free-text filter (name/address) usable at a million cameras.
-- pg_trgm is a trusted extension since PostgreSQL 13: a database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE area (
    code          varchar(32)  PRIMARY KEY,
    name          varchar(128) NOT NULL,
    level         varchar(16)  NOT NULL CHECK (level IN ('CITY', 'DISTRICT', 'STREET', 'COMMUNITY', 'GRID')),
    parent_code   varchar(32)  REFERENCES area (code),
    -- Codes from the root down to this area joined by '/', ending in '/': subtree = prefix match.
    path          varchar(256) NOT NULL UNIQUE,
    land_area_km2 numeric(12, 3),
    boundary      jsonb,
    version       bigint       NOT NULL DEFAULT 0,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX area_parent_idx ON area (parent_code, code);
CREATE INDEX area_path_idx ON area (path text_pattern_ops);

CREATE TABLE camera (
    gb_id               char(20)     PRIMARY KEY,
    name                varchar(128) NOT NULL,
    point_class         smallint     NOT NULL CHECK (point_class IN (1, 2, 3, 4, 9)),
    camera_type         smallint     CHECK (camera_type BETWEEN 1 AND 7 OR camera_type = 99),
    lat                 double precision CHECK (lat BETWEEN -90 AND 90),
    lon                 double precision CHECK (lon BETWEEN -180 AND 180),
    direction_code      smallint     CHECK (direction_code BETWEEN 1 AND 9),
    azimuth_deg         double precision CHECK (azimuth_deg >= 0 AND azimuth_deg < 360),
    h_fov_deg           double precision CHECK (h_fov_deg > 0 AND h_fov_deg <= 360),
    view_distance_m     double precision CHECK (view_distance_m > 0),
    address             varchar(256),
    area_code           varchar(32)  NOT NULL REFERENCES area (code),
    -- Copy of area.path, kept in step by AreaService: subtree filters and district grouping need no join.
    area_path           varchar(256) NOT NULL,
    owner_unit          varchar(128),
    maintainer_unit     varchar(128),
    contact             varchar(64),
    networked           boolean      NOT NULL DEFAULT false,
    lifecycle           varchar(16)  NOT NULL DEFAULT 'IN_USE' CHECK (lifecycle IN ('IN_USE', 'REPAIR', 'REMOVED')),
    installed_on        date,
    record_days         integer      CHECK (record_days BETWEEN 0 AND 3650),
    parent_gb_id        char(20),
    tags                text[]       NOT NULL DEFAULT '{}',
    main_url            varchar(1024),
    main_protocol       varchar(16),
    main_credentials    bytea,
    sub_url             varchar(1024),
    sub_protocol        varchar(16),
    sub_credentials     bytea,
    -- Mandatory fields the record lacks for its class (Completeness), written with every change.
    missing_fields      text[]       NOT NULL DEFAULT '{}',
    version             bigint       NOT NULL DEFAULT 0,
    created_at          timestamptz  NOT NULL DEFAULT now(),
    updated_at          timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX camera_area_path_idx ON camera (area_path text_pattern_ops, gb_id);
CREATE INDEX camera_class_idx ON camera (point_class, gb_id);
CREATE INDEX camera_maintainer_idx ON camera (maintainer_unit, gb_id);
CREATE INDEX camera_owner_idx ON camera (owner_unit, gb_id);
CREATE INDEX camera_parent_idx ON camera (parent_gb_id) WHERE parent_gb_id IS NOT NULL;
CREATE INDEX camera_tags_idx ON camera USING gin (tags);
CREATE INDEX camera_lon_lat_idx ON camera (lon, lat);
CREATE INDEX camera_text_idx ON camera USING gin ((name || ' ' || coalesce(address, '')) gin_trgm_ops);
CREATE INDEX camera_incomplete_idx ON camera (gb_id) WHERE cardinality(missing_fields) > 0;
-- Counts group by the code at one depth of the area path. Without statistics on these expressions the planner
-- guesses ~90k groups where there are 11 and sorts a million rows to disk instead of hashing them.
CREATE STATISTICS camera_city_stats ON (nullif(split_part(area_path, '/', 1), '')) FROM camera;
CREATE STATISTICS camera_district_stats ON (nullif(split_part(area_path, '/', 2), '')) FROM camera;
CREATE STATISTICS camera_street_stats ON (nullif(split_part(area_path, '/', 3), '')) FROM camera;
CREATE STATISTICS camera_community_stats ON (nullif(split_part(area_path, '/', 4), '')) FROM camera;
CREATE STATISTICS camera_grid_stats ON (nullif(split_part(area_path, '/', 5), '')) FROM camera;

CREATE TABLE site (
    code               varchar(64)  PRIMARY KEY,
    name               varchar(128) NOT NULL,
    category           varchar(32)  NOT NULL,
    lat                double precision CHECK (lat BETWEEN -90 AND 90),
    lon                double precision CHECK (lon BETWEEN -180 AND 180),
    radius_m           double precision CHECK (radius_m > 0),
    polygon            jsonb,
    area_code          varchar(32)  NOT NULL REFERENCES area (code),
    area_path          varchar(256) NOT NULL,
    min_online_cameras integer      NOT NULL DEFAULT 1 CHECK (min_online_cameras >= 1),
    max_point_class    smallint     NOT NULL DEFAULT 3 CHECK (max_point_class IN (1, 2, 3, 4, 9)),
    version            bigint       NOT NULL DEFAULT 0,
    created_at         timestamptz  NOT NULL DEFAULT now(),
    updated_at         timestamptz  NOT NULL DEFAULT now(),
    CHECK ((lat IS NOT NULL AND lon IS NOT NULL AND radius_m IS NOT NULL) OR polygon IS NOT NULL)
);
CREATE INDEX site_area_path_idx ON site (area_path text_pattern_ops, code);

-- Cameras assigned to key sites by the ledger (coverage also finds cameras by geometry).
CREATE TABLE camera_site (
    camera_gb_id char(20)    NOT NULL REFERENCES camera (gb_id) ON DELETE CASCADE,
    site_code    varchar(64) NOT NULL REFERENCES site (code) ON DELETE CASCADE,
    PRIMARY KEY (camera_gb_id, site_code)
);
CREATE INDEX camera_site_site_idx ON camera_site (site_code);

CREATE TABLE checkpoint (
    gb_id       char(20)     PRIMARY KEY,
    name        varchar(128) NOT NULL,
    usage       smallint     NOT NULL CHECK (usage IN (80, 81, 82)),
    lat         double precision CHECK (lat BETWEEN -90 AND 90),
    lon         double precision CHECK (lon BETWEEN -180 AND 180),
    place_code  varchar(12),
    address     varchar(256),
    area_code   varchar(32)  NOT NULL REFERENCES area (code),
    area_path   varchar(256) NOT NULL,
    lifecycle   varchar(16)  NOT NULL DEFAULT 'IN_USE' CHECK (lifecycle IN ('IN_USE', 'REPAIR', 'REMOVED')),
    version     bigint       NOT NULL DEFAULT 0,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX checkpoint_area_path_idx ON checkpoint (area_path text_pattern_ops, gb_id);

CREATE TABLE checkpoint_lane (
    checkpoint_gb_id   char(20)    NOT NULL REFERENCES checkpoint (gb_id) ON DELETE CASCADE,
    lane_no            smallint    NOT NULL CHECK (lane_no BETWEEN 1 AND 99),
    direction          varchar(32),
    city_pass          smallint    CHECK (city_pass BETWEEN 1 AND 4),
    capture_camera_gb_id char(20)  REFERENCES camera (gb_id),
    max_speed_kmh      smallint,
    PRIMARY KEY (checkpoint_gb_id, lane_no)
);
CREATE INDEX checkpoint_lane_camera_idx ON checkpoint_lane (capture_camera_gb_id);

-- Ledger import jobs and their per-row errors.
CREATE TABLE import_job (
    id           uuid         PRIMARY KEY,
    kind         varchar(16)  NOT NULL,
    format       varchar(8)   NOT NULL,
    mode         varchar(8)   NOT NULL,
    dry_run      boolean      NOT NULL,
    state        varchar(16)  NOT NULL,
    phase        varchar(32),
    file_name    varchar(256),
    bytes_total  bigint       NOT NULL DEFAULT 0,
    bytes_read   bigint       NOT NULL DEFAULT 0,
    rows_read    bigint       NOT NULL DEFAULT 0,
    accepted     bigint       NOT NULL DEFAULT 0,
    rejected     bigint       NOT NULL DEFAULT 0,
    created      bigint       NOT NULL DEFAULT 0,
    updated      bigint       NOT NULL DEFAULT 0,
    unchanged    bigint       NOT NULL DEFAULT 0,
    message      text,
    submitted_at timestamptz  NOT NULL DEFAULT now(),
    started_at   timestamptz,
    finished_at  timestamptz
);

CREATE TABLE import_error (
    job_id     uuid         NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
    seq        integer      NOT NULL,
    row_no     bigint       NOT NULL,
    field      varchar(64),
    column_name varchar(64),
    value      varchar(256),
    reason     varchar(512) NOT NULL,
    PRIMARY KEY (job_id, seq)
);
