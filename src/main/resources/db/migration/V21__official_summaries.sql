-- Lane cycle2 (issue 24): what the history, ranking and overview read of an official evaluation, written once at
-- approval so that no read replays the evaluation: its subject's name, rule-set version, verdict and decision, and
-- its figures per indicator (verdict, figure, CV, attainment) as JSON (TEXT: a CLOB on H2, text on PostgreSQL; the
-- decimals keep their scale). Official evaluations approved before this migration are summarised on first read.
CREATE TABLE official_summary (
    evaluation_id    VARCHAR(36)  PRIMARY KEY REFERENCES official_evaluation (evaluation_id),
    subject_name     VARCHAR(500),
    rule_set_version VARCHAR(100) NOT NULL,
    passed           BOOLEAN      NOT NULL,
    decision         VARCHAR(64),
    indicators_json  TEXT         NOT NULL
);
