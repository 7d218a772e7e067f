-- Tidings schema, version 20: a location's closed dates, a JSON list of "YYYY-MM-DD note" texts;
-- null for a location saved before (no closed dates).
ALTER TABLE tidings_location ADD COLUMN closed_dates VARCHAR(200000);
