-- 002 shelter operations (seed 001): shelters and their status / occupancy over time, aggregated per shelter
-- and time only. There is no column for a person: person-level check-in rows are refused by the importer and
-- cannot be stored here (one row per shelter and observation time).
CREATE TABLE sonae.shelters (
  shelter_id text PRIMARY KEY CHECK (length(shelter_id) BETWEEN 1 AND 100),
  name text NOT NULL DEFAULT '',
  district text NOT NULL DEFAULT '',
  municipality text NOT NULL DEFAULT '',
  capacity_persons integer CHECK (capacity_persons >= 0),
  capacity_text text NOT NULL DEFAULT '',
  geom geometry(Point, 6668)
);
CREATE INDEX shelters_geom_idx ON sonae.shelters USING gist (geom);

CREATE TABLE sonae.shelter_status (
  shelter_id text NOT NULL REFERENCES sonae.shelters (shelter_id) ON UPDATE CASCADE ON DELETE CASCADE,
  observed_at timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'closed', 'unknown')),
  evacuees integer CHECK (evacuees >= 0),
  infants integer CHECK (infants >= 0),
  elderly integer CHECK (elderly >= 0),
  dietary integer CHECK (dietary >= 0),
  medical integer CHECK (medical >= 0),
  source text NOT NULL DEFAULT '',
  PRIMARY KEY (shelter_id, observed_at)
);

CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON sonae.shelters
  FOR EACH ROW EXECUTE FUNCTION sonae.audit_trigger('shelter_id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON sonae.shelter_status
  FOR EACH ROW EXECUTE FUNCTION sonae.audit_trigger('shelter_id');

-- Occupancy against capacity over time, with the needs cells under k (sonae.settings 'suppression_k')
-- suppressed (NULL, flag true). Owner's rights: viewers and partners read this, never the base table.
CREATE VIEW sonae.v_shelter_occupancy WITH (security_barrier = true) AS
WITH k AS (SELECT coalesce((SELECT value::integer FROM sonae.settings WHERE key = 'suppression_k'), 5) AS k)
SELECT st.shelter_id, s.name, s.district, st.observed_at, st.status, st.evacuees, s.capacity_persons,
       CASE WHEN s.capacity_persons > 0 THEN st.evacuees::double precision / s.capacity_persons END AS occupancy,
       CASE WHEN st.infants >= k.k THEN st.infants END AS infants,
       CASE WHEN st.elderly >= k.k THEN st.elderly END AS elderly,
       CASE WHEN st.dietary >= k.k THEN st.dietary END AS dietary,
       CASE WHEN st.medical >= k.k THEN st.medical END AS medical,
       (st.infants < k.k OR st.elderly < k.k OR st.dietary < k.k OR st.medical < k.k) IS TRUE AS needs_suppressed,
       k.k AS suppression_k, s.geom
  FROM sonae.shelter_status st
  JOIN sonae.shelters s ON s.shelter_id = st.shelter_id
  CROSS JOIN k;

REVOKE ALL ON sonae.shelters, sonae.shelter_status FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE ON sonae.shelters, sonae.shelter_status TO sonae_city;
GRANT SELECT ON sonae.v_shelter_occupancy TO sonae_city, sonae_partner, sonae_viewer;
ALTER TABLE sonae.shelters ENABLE ROW LEVEL SECURITY;
ALTER TABLE sonae.shelter_status ENABLE ROW LEVEL SECURITY;
CREATE POLICY city_all ON sonae.shelters FOR ALL TO sonae_city USING (true) WITH CHECK (true);
CREATE POLICY city_all ON sonae.shelter_status FOR ALL TO sonae_city USING (true) WITH CHECK (true);

-- Results written back by Sonae algorithms (sonae:platformsave), one table per result, replaced atomically.
CREATE SCHEMA IF NOT EXISTS sonae_results;
REVOKE ALL ON SCHEMA sonae_results FROM PUBLIC;
GRANT USAGE, CREATE ON SCHEMA sonae_results TO sonae_city;
