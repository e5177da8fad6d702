-- A batch without a jurisdiction judges each county under its own node, as a single evaluation is (governance
-- issue, point 2): the batch's jurisdiction is then absent.
ALTER TABLE batch_job ALTER COLUMN jurisdiction DROP NOT NULL;
-- The node of the account that submitted a batch: only counties in its subtree are evaluated. Batches stored before
-- were national accounts' (no account had another node).
ALTER TABLE batch_job ADD COLUMN submitter_node VARCHAR(64);
