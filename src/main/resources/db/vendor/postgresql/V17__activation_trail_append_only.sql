-- gov-approval lane (issue 22, point 7): who activated which version, when and why, and the approvals given for a
-- later date, are an audit trail: never changed, deleted or truncated (as the stored evaluations). The function is
-- the one of R__append_only_guard.sql, created here too because versioned migrations run before repeatable ones.
CREATE OR REPLACE FUNCTION reject_audit_trail_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER rule_set_activation_append_only BEFORE UPDATE OR DELETE ON rule_set_activation
    FOR EACH ROW EXECUTE FUNCTION reject_audit_trail_change();
CREATE TRIGGER rule_set_activation_no_truncate BEFORE TRUNCATE ON rule_set_activation
    FOR EACH STATEMENT EXECUTE FUNCTION reject_audit_trail_change();
CREATE TRIGGER rule_set_scheduled_activation_append_only BEFORE UPDATE OR DELETE ON rule_set_scheduled_activation
    FOR EACH ROW EXECUTE FUNCTION reject_audit_trail_change();
CREATE TRIGGER rule_set_scheduled_activation_no_truncate BEFORE TRUNCATE ON rule_set_scheduled_activation
    FOR EACH STATEMENT EXECUTE FUNCTION reject_audit_trail_change();
