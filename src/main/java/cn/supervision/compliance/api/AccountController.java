package cn.supervision.compliance.api;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.supervision.compliance.system.Account;
import cn.supervision.compliance.system.Accounts;

import io.swagger.v3.oas.annotations.Operation;

/** Administrators manage accounts: each has roles and one node of the jurisdiction tree (issue 22). */
@RestController
class AccountController {

    private final Accounts accounts;

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    @Operation(summary = "Creates an account bound to a jurisdiction node (national by default)")
    @PostMapping("/api/v1/accounts")
    ResponseEntity<Account> create(@RequestBody Accounts.NewAccount request, Authentication caller) {
        Account created = accounts.create(request, caller.getName());
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + created.username())).body(created);
    }

    @Operation(summary = "Every account, by name")
    @GetMapping("/api/v1/accounts")
    List<Account> all() {
        return accounts.all();
    }

    @Operation(summary = "One account")
    @GetMapping("/api/v1/accounts/{username}")
    Account one(@PathVariable String username) {
        return accounts.one(username);
    }

    @Operation(summary = "Changes an account's roles, node, password or state (enabled: false disables it)")
    @PatchMapping("/api/v1/accounts/{username}")
    Account change(@PathVariable String username, @RequestBody Accounts.AccountPatch patch, Authentication caller) {
        return accounts.change(username, patch, caller.getName());
    }
}
