-- Batch jobs (batch/BatchStore): what a job needs to run on any instance and to resume after a restart. The job's
-- execution state (which partitions are done, each one's last committed line) is Spring Batch's (V5).
CREATE TABLE batch_job (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    rule_set     VARCHAR(64)  NOT NULL,
    jurisdiction VARCHAR(64)  NOT NULL,
    submitted_by VARCHAR(200) NOT NULL,
    total        INTEGER      NOT NULL,
    lines        INTEGER      NOT NULL,
    status       VARCHAR(10)  NOT NULL,
    submitted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE,
    finished_at  TIMESTAMP WITH TIME ZONE,
    failure      VARCHAR(500)
);

CREATE INDEX batch_job_submitted ON batch_job (submitted_at);

-- The input, one county per row, until the job has ended (then deleted): bounded by compliance.batch.max-counties and
-- max-line-bytes, and read by position range by whichever instance runs a partition.
CREATE TABLE batch_line (
    batch_id VARCHAR(36)   NOT NULL REFERENCES batch_job (id),
    position INTEGER       NOT NULL,
    source   VARCHAR(1000) NOT NULL,
    content  TEXT          NOT NULL,
    PRIMARY KEY (batch_id, position)
);

-- One row per county of a batch, written in the same transaction as its evaluation and as the partition's read
-- position: the key makes a second evaluation of a county into the audit trail impossible. Either evaluation_id (and
-- the figures the summary counts) or problems (a county that could not be evaluated) is set.
CREATE TABLE batch_county (
    batch_id         VARCHAR(36)   NOT NULL REFERENCES batch_job (id),
    position         INTEGER       NOT NULL,
    source           VARCHAR(1000) NOT NULL,
    evaluation_id    VARCHAR(36),
    rule_set_version VARCHAR(64),
    passed           BOOLEAN,
    decision         VARCHAR(32),
    grade            VARCHAR(32),
    failures         TEXT,
    problems         TEXT,
    evaluated_by     VARCHAR(200)  NOT NULL,
    PRIMARY KEY (batch_id, position)
);
