-- The outage desk's "resolved today" (the newest first, and how many): an index range of today's ends instead of a
-- scan of every outage ever closed (150,000 a month at full scale: 60-70 ms per query without it).
CREATE INDEX outage_resolved_idx ON outage (ended_at DESC) WHERE ended_at IS NOT NULL;
