-- The compiled rule base of a rule-set version, so that a start-up (or another instance) loads it instead of compiling
-- it again (README, "Rule bases start warm"): the rule base's packages (content), where each rule comes from (origins)
-- and the workbooks' texts (texts). Written only by the service (ruleset/RuleBaseCache); a row is used only when it was
-- written by the same release (engine: Drools, the approved templates and the code all ship in it) and its checksum
-- matches; any other row is deleted and the rule base built, tested and cached again.
CREATE TABLE rule_base_cache (
    rule_set VARCHAR(64)  NOT NULL,
    hash     VARCHAR(64)  NOT NULL,
    engine   VARCHAR(255) NOT NULL,
    built_at TIMESTAMP WITH TIME ZONE NOT NULL,
    checksum VARCHAR(64)  NOT NULL,
    origins  TEXT         NOT NULL,
    texts    TEXT         NOT NULL,
    content  BYTEA        NOT NULL,
    PRIMARY KEY (rule_set, hash),
    CONSTRAINT rule_base_cache_version FOREIGN KEY (rule_set, hash) REFERENCES rule_set_version (rule_set, hash)
);
