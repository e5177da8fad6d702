-- The audit trail (issue 9): who submitted each evaluation, and an index of what failed in it for the auditors' search.
-- Portable SQL: the same script runs on H2 (default) and PostgreSQL (profile postgres).
-- Rows are append-only: db/vendor/<database>/R__append_only_guard.sql rejects UPDATE and DELETE.
ALTER TABLE evaluation ADD COLUMN submitted_by VARCHAR(200) DEFAULT 'anonymous' NOT NULL;
ALTER TABLE evaluation ADD COLUMN subject_name VARCHAR(200);

-- One row per failed check of an evaluation: an indicator not met by a school section (kind SECTION), a coefficient
-- of variation over its limit (VARIATION), or a failed generic check (CHECK). Written in the evaluation's transaction.
CREATE TABLE evaluation_failed_indicator (
    evaluation_id VARCHAR(36)  NOT NULL REFERENCES evaluation (id),
    kind          VARCHAR(16)  NOT NULL,
    indicator     VARCHAR(32)  NOT NULL,
    subject       VARCHAR(64)  NOT NULL,
    stage         VARCHAR(16)
);

CREATE INDEX evaluation_failed_indicator_code ON evaluation_failed_indicator (indicator, evaluation_id);
CREATE INDEX evaluation_failed_indicator_evaluation ON evaluation_failed_indicator (evaluation_id);
CREATE INDEX evaluation_newest ON evaluation (evaluated_at, id);
