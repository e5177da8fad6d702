-- Stored evaluations are never changed: a correction is a new evaluation (issue 9). Re-created whenever this file changes.
DROP TRIGGER IF EXISTS evaluation_append_only;
CREATE TRIGGER evaluation_append_only BEFORE UPDATE, DELETE ON evaluation
    FOR EACH ROW CALL 'cn.supervision.compliance.audit.AppendOnlyTrigger';

DROP TRIGGER IF EXISTS evaluation_failed_indicator_append_only;
CREATE TRIGGER evaluation_failed_indicator_append_only BEFORE UPDATE, DELETE ON evaluation_failed_indicator
    FOR EACH ROW CALL 'cn.supervision.compliance.audit.AppendOnlyTrigger';
