package cn.supervision.compliance.system;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.supervision.compliance.facts.InputProblem;
import cn.supervision.compliance.facts.InvalidInput;

/**
 * Administrators' management of accounts: create, list, change roles, node, password or state. Passwords are hashed
 * with the application's {@link PasswordEncoder} (bcrypt); a change that narrows what an account may do (disabled, new
 * password, other roles or node) ends its console sessions at once.
 */
@Service
public class Accounts {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final int SHORTEST_PASSWORD = 10;
    static final int LONGEST_PASSWORD = 128;

    private final AccountStore store;
    private final PasswordEncoder encoder;
    private final AccountScope scope;
    private final FindByIndexNameSessionRepository<?> sessions;

    Accounts(AccountStore store, PasswordEncoder encoder, AccountScope scope,
             FindByIndexNameSessionRepository<?> sessions) {
        this.store = store;
        this.encoder = encoder;
        this.scope = scope;
        this.sessions = sessions;
    }

    /** Body of {@code POST /api/v1/accounts}; the node defaults to national. */
    public record NewAccount(String username, String password, List<Role> roles, String jurisdiction) {
    }

    /** Body of {@code PATCH /api/v1/accounts/{username}}: what is given changes, what is null stays. */
    public record AccountPatch(String password, List<Role> roles, String jurisdiction, Boolean enabled) {
    }

    public List<Account> all() {
        return store.all();
    }

    public Account one(String username) {
        return store.find(username).orElseThrow(() -> new Refused(HttpStatus.NOT_FOUND, "account.unknown", username));
    }

    @Transactional
    public Account create(NewAccount request, String by) {
        List<InputProblem> problems = new ArrayList<>();
        if (request.username() == null || !USERNAME.matcher(request.username()).matches()) {
            problems.add(InputProblem.of("username", "input.account.username"));
        }
        checkPassword(request.password(), true, problems);
        checkRoles(request.roles(), true, problems);
        String node = request.jurisdiction() == null ? Account.NATIONAL : request.jurisdiction();
        checkNode(node, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (store.exists(request.username())) {
            throw new Refused(HttpStatus.CONFLICT, Map.of("field", "username"), "account.exists", request.username());
        }
        Instant now = Instant.now();
        Account account = new Account(request.username(), request.roles(), node, true, now, by, now, by);
        store.insert(account, encoder.encode(request.password()),
                "created: roles " + account.roles() + ", jurisdiction " + node);
        return account;
    }

    @Transactional
    public Account change(String username, AccountPatch patch, String by) {
        Account current = one(username);
        List<InputProblem> problems = new ArrayList<>();
        checkPassword(patch.password(), false, problems);
        checkRoles(patch.roles(), false, problems);
        if (patch.jurisdiction() != null) {
            checkNode(patch.jurisdiction(), problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        List<String> changes = new ArrayList<>();
        List<Role> roles = current.roles();
        if (patch.roles() != null && !patch.roles().equals(roles)) {
            roles = patch.roles();
            changes.add("roles " + current.roles() + " -> " + roles);
        }
        String node = current.jurisdiction();
        if (patch.jurisdiction() != null && !patch.jurisdiction().equals(node)) {
            node = patch.jurisdiction();
            changes.add("jurisdiction " + current.jurisdiction() + " -> " + node);
        }
        boolean enabled = current.enabled();
        if (patch.enabled() != null && patch.enabled() != enabled) {
            enabled = patch.enabled();
            changes.add(enabled ? "enabled" : "disabled");
        }
        String hash = null;
        if (patch.password() != null) {
            hash = encoder.encode(patch.password());
            changes.add("password changed");
        }
        if (changes.isEmpty()) {
            return current;
        }
        Account changed = new Account(username, roles, node, enabled, current.createdAt(), current.createdBy(),
                Instant.now(), by);
        store.update(changed, hash, String.join("; ", changes));
        endSessions(username);
        return changed;
    }

    private void endSessions(String username) {
        sessions.findByPrincipalName(username).keySet().forEach(sessions::deleteById);
    }

    private static void checkPassword(String password, boolean required, List<InputProblem> problems) {
        if (password == null ? required
                : password.length() < SHORTEST_PASSWORD || password.length() > LONGEST_PASSWORD || password.isBlank()) {
            problems.add(InputProblem.of("password", "input.account.password", SHORTEST_PASSWORD, LONGEST_PASSWORD));
        }
    }

    private static void checkRoles(List<Role> roles, boolean required, List<InputProblem> problems) {
        if (roles == null ? required : roles.isEmpty() || roles.contains(null)) {
            problems.add(InputProblem.of("roles", "input.account.roles", List.of(Role.values())));
        }
    }

    private void checkNode(String node, List<InputProblem> problems) {
        if (!scope.known(node)) {
            problems.add(InputProblem.of("jurisdiction", "input.account.jurisdiction", node));
        }
    }
}
