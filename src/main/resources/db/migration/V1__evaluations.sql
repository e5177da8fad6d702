-- Evaluations are append-only: a stored evaluation is never updated; a correction is a new evaluation.
-- TEXT, not CLOB: PostgreSQL has no CLOB type, and H2 reads TEXT as a CLOB.
CREATE TABLE evaluation (
    id               VARCHAR(36)  NOT NULL PRIMARY KEY,
    rule_set         VARCHAR(64)  NOT NULL,
    rule_set_version VARCHAR(64)  NOT NULL,
    jurisdiction     VARCHAR(64)  NOT NULL,
    subject_code     VARCHAR(64)  NOT NULL,
    subject_year     INTEGER      NOT NULL,
    passed           BOOLEAN      NOT NULL,
    evaluated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    request_json     TEXT         NOT NULL,
    result_json      TEXT         NOT NULL
);

CREATE INDEX evaluation_subject ON evaluation (subject_code, subject_year);
CREATE INDEX evaluation_rule_set ON evaluation (rule_set, evaluated_at);
