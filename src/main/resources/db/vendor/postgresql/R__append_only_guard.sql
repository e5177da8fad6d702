-- Stored evaluations are never changed: a correction is a new evaluation (issue 9). Re-created whenever this file changes.
CREATE OR REPLACE FUNCTION reject_audit_trail_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS evaluation_append_only ON evaluation;
CREATE TRIGGER evaluation_append_only BEFORE UPDATE OR DELETE ON evaluation
    FOR EACH ROW EXECUTE FUNCTION reject_audit_trail_change();
DROP TRIGGER IF EXISTS evaluation_no_truncate ON evaluation;
CREATE TRIGGER evaluation_no_truncate BEFORE TRUNCATE ON evaluation
    FOR EACH STATEMENT EXECUTE FUNCTION reject_audit_trail_change();

DROP TRIGGER IF EXISTS evaluation_failed_indicator_append_only ON evaluation_failed_indicator;
CREATE TRIGGER evaluation_failed_indicator_append_only BEFORE UPDATE OR DELETE ON evaluation_failed_indicator
    FOR EACH ROW EXECUTE FUNCTION reject_audit_trail_change();
DROP TRIGGER IF EXISTS evaluation_failed_indicator_no_truncate ON evaluation_failed_indicator;
CREATE TRIGGER evaluation_failed_indicator_no_truncate BEFORE TRUNCATE ON evaluation_failed_indicator
    FOR EACH STATEMENT EXECUTE FUNCTION reject_audit_trail_change();
