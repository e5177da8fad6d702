-- What an evaluation answered is what is stored (issue 21, part 2): the default answer as written (gzip of the JSON
-- sent to the client, returned byte for byte by GET), beside the request and the rule-set version. The full view and
-- the trace are the request evaluated again on that version's immutable rule base, so new rows keep no result.
-- Rows written before keep their result columns and no answer: each row has exactly one of the two.
ALTER TABLE evaluation ADD COLUMN answer_gzip BYTEA;
ALTER TABLE evaluation DROP CONSTRAINT evaluation_result_once;
ALTER TABLE evaluation ADD CONSTRAINT evaluation_answer_or_result CHECK (
    (answer_gzip IS NOT NULL AND result_json IS NULL AND result_gzip IS NULL)
    OR (answer_gzip IS NULL AND (result_json IS NULL) <> (result_gzip IS NULL)));
