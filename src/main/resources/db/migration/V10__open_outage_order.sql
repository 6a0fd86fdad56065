-- The operators' down list (issue 15): open outages, class 1 first, longest down first, a page at a time. With this
-- index a page is read in order instead of sorting every open outage of a city (tens of thousands) per request.
CREATE INDEX outage_open_order_idx ON outage (point_class, started_at, id) WHERE ended_at IS NULL;
