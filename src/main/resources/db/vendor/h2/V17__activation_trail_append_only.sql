-- gov-approval lane (issue 22, point 7): who activated which version, when and why, and the approvals given for a
-- later date, are an audit trail: never changed or deleted (as the stored evaluations, R__append_only_guard.sql).
CREATE TRIGGER rule_set_activation_append_only BEFORE UPDATE, DELETE ON rule_set_activation
    FOR EACH ROW CALL 'cn.supervision.compliance.audit.AppendOnlyTrigger';
CREATE TRIGGER rule_set_scheduled_activation_append_only BEFORE UPDATE, DELETE ON rule_set_scheduled_activation
    FOR EACH ROW CALL 'cn.supervision.compliance.audit.AppendOnlyTrigger';
