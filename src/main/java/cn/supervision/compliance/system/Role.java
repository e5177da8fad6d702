package cn.supervision.compliance.system;

/**
 * The kinds of user: integrators submit facts, auditors read, policy editors change rule sets, admins do all; in the
 * supervision cycle (issue 24) clerks (填报员) submit a subject's figures and reviewers (审核员) return or approve them.
 */
public enum Role {
    INTEGRATOR, AUDITOR, POLICY_EDITOR, ADMIN,
    CLERK, REVIEWER
}
