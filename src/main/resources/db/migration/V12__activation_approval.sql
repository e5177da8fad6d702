-- governance lane (issue 22): why a version was activated, and whether that activation approved it (another editor
-- than its uploader, the first time it became active) or restored it (a version that was active before).
ALTER TABLE rule_set_activation ADD COLUMN comment VARCHAR(1000);
ALTER TABLE rule_set_activation ADD COLUMN kind VARCHAR(16);
