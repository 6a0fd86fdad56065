-- Deep tier: the newest diagnosis per camera, its snapshot, and the baseline its scene is compared with.
CREATE TABLE camera_diagnosis (
    gb_id        char(20)    PRIMARY KEY REFERENCES camera (gb_id) ON DELETE CASCADE,
    checked_at   timestamptz NOT NULL,
    decoded      boolean     NOT NULL,
    cause        varchar(24),
    faults       text[]      NOT NULL DEFAULT '{}',
    verdicts     jsonb       NOT NULL DEFAULT '[]',
    measures     jsonb       NOT NULL DEFAULT '{}',
    baseline     bytea,
    baseline_at  timestamptz,
    snapshot     bytea,
    snapshot_at  timestamptz
);
CREATE INDEX camera_diagnosis_faults_idx ON camera_diagnosis USING gin (faults);

-- Restart grace for the deep tier: a DEGRADED channel resumes with its image fault, not as a plain ONLINE one.
ALTER TABLE channel_status ADD COLUMN image_fault varchar(24);
