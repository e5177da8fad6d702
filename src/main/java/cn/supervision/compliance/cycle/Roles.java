package cn.supervision.compliance.cycle;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import cn.supervision.compliance.system.Role;

/** The roles the cycle tells apart: reviewers, auditors and admins read their node; clerks and integrators their own. */
final class Roles {

    static final Role REVIEWER = Role.REVIEWER;

    private Roles() {
    }

    static boolean has(Authentication caller, Role role) {
        return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals("ROLE_" + role.name()));
    }

    static boolean readsNode(Authentication caller) {
        return has(caller, Role.REVIEWER) || has(caller, Role.AUDITOR) || has(caller, Role.ADMIN);
    }
}
