package cn.supervision.compliance.api;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import cn.supervision.compliance.system.Role;

/** Who reads what: auditors and admins read every evaluation and batch; others only what they submitted. */
final class Viewers {

    private Viewers() {
    }

    static boolean readsAll(Authentication viewer) {
        return viewer.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals("ROLE_" + Role.AUDITOR) || a.equals("ROLE_" + Role.ADMIN));
    }
}
