-- Warnings a camera's record raised when it was written (its GB ID's division disagrees with its area), kept on the
-- camera so they can be listed, not only seen in the write's answer (issue 13).
ALTER TABLE camera ADD COLUMN warnings text[] NOT NULL DEFAULT '{}';
CREATE INDEX camera_warned_idx ON camera (gb_id) WHERE cardinality(warnings) > 0;
