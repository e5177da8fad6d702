package cn.supervision.compliance.system;

/** The kinds of user: integrators submit facts, auditors read, policy editors change rule sets, admins do all. */
public enum Role {
    INTEGRATOR, AUDITOR, POLICY_EDITOR, ADMIN
}
