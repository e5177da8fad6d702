-- Evaluations stored compactly (issue 13): the request and the result as gzip-compressed JSON (audit/StoredJson),
-- about a twentieth of the text for a county. Rows written before keep their text columns and are read as they are:
-- the audit tables refuse UPDATE, so they are never rewritten. Each row has exactly one form of each.
ALTER TABLE evaluation ADD COLUMN request_gzip BYTEA;
ALTER TABLE evaluation ADD COLUMN result_gzip BYTEA;
ALTER TABLE evaluation ALTER COLUMN request_json DROP NOT NULL;
ALTER TABLE evaluation ALTER COLUMN result_json DROP NOT NULL;
ALTER TABLE evaluation ADD CONSTRAINT evaluation_request_once CHECK ((request_json IS NULL) <> (request_gzip IS NULL));
ALTER TABLE evaluation ADD CONSTRAINT evaluation_result_once CHECK ((result_json IS NULL) <> (result_gzip IS NULL));
