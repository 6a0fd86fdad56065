-- Which stream the deep tier decodes for a camera, where it differs from vigil.deep.stream (the default).
CREATE TABLE camera_deep_stream (
    gb_id       char(20)    PRIMARY KEY REFERENCES camera (gb_id) ON DELETE CASCADE,
    stream      varchar(4)  NOT NULL CHECK (stream IN ('MAIN', 'SUB')),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
