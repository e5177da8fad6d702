package cn.supervision.compliance.api;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.supervision.compliance.system.AccountScope;

import io.swagger.v3.oas.annotations.Operation;

/** Who is signed in: the console checks a login with it and shows each role only its own menu and node. */
@RestController
class MeController {

    private static final String ROLE_PREFIX = "ROLE_";

    private final AccountScope scope;

    MeController(AccountScope scope) {
        this.scope = scope;
    }

    record Me(String name, List<String> roles, String jurisdiction) {
    }

    @Operation(summary = "The signed-in user's name, roles and jurisdiction node")
    @GetMapping("/api/v1/me")
    Me me(Authentication authentication) {
        return new Me(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(ROLE_PREFIX))
                .map(authority -> authority.substring(ROLE_PREFIX.length()))
                .sorted().toList(), scope.currentNode());
    }
}
