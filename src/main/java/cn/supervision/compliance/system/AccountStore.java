package cn.supervision.compliance.system;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts and their append-only change trail (JDBC, Flyway V10). Names are compared exactly. */
@Repository
class AccountStore {

    private static final String COLUMNS = """
            SELECT username, roles, jurisdiction, enabled, created_at, created_by, updated_at, updated_by FROM account
            """;

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> find(String username) {
        return jdbc.sql(COLUMNS + " WHERE username = :name").param("name", username).query(AccountStore::account)
                .optional();
    }

    /** The stored hash of an enabled or disabled account, for sign-in. */
    Optional<String> passwordHash(String username) {
        return jdbc.sql("SELECT password_hash FROM account WHERE username = :name").param("name", username)
                .query(String.class).optional();
    }

    List<Account> all() {
        return jdbc.sql(COLUMNS + " ORDER BY username").query(AccountStore::account).list();
    }

    boolean exists(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM account WHERE username = :name").param("name", username)
                .query(Integer.class).single() > 0;
    }

    void insert(Account account, String passwordHash, String change) {
        jdbc.sql("""
                INSERT INTO account (username, password_hash, roles, jurisdiction, enabled, created_at, created_by,
                                     updated_at, updated_by)
                VALUES (:name, :hash, :roles, :jurisdiction, :enabled, :at, :by, :at, :by)
                """)
                .param("name", account.username()).param("hash", passwordHash).param("roles", roles(account.roles()))
                .param("jurisdiction", account.jurisdiction()).param("enabled", account.enabled())
                .param("at", Timestamp.from(account.createdAt())).param("by", account.createdBy())
                .update();
        trail(account.username(), account.createdAt(), account.createdBy(), change);
    }

    /** Writes {@code account}'s roles, node and state (and the hash, when given) with a line in the trail. */
    void update(Account account, String passwordHashOrNull, String change) {
        jdbc.sql("""
                UPDATE account SET roles = :roles, jurisdiction = :jurisdiction, enabled = :enabled,
                       password_hash = COALESCE(:hash, password_hash), updated_at = :at, updated_by = :by
                 WHERE username = :name
                """)
                .param("name", account.username()).param("hash", passwordHashOrNull)
                .param("roles", roles(account.roles())).param("jurisdiction", account.jurisdiction())
                .param("enabled", account.enabled()).param("at", Timestamp.from(account.updatedAt()))
                .param("by", account.updatedBy())
                .update();
        trail(account.username(), account.updatedAt(), account.updatedBy(), change);
    }

    /** The trail of one account, oldest first: {@code [at, by, change]}. */
    List<AccountChange> changes(String username) {
        return jdbc.sql("SELECT changed_at, changed_by, change FROM account_change WHERE username = :name ORDER BY id")
                .param("name", username)
                .query((rs, n) -> new AccountChange(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3)))
                .list();
    }

    private void trail(String username, Instant at, String by, String change) {
        jdbc.sql("INSERT INTO account_change (username, changed_at, changed_by, change) VALUES (:name, :at, :by, :change)")
                .param("name", username).param("at", Timestamp.from(at)).param("by", by).param("change", change)
                .update();
    }

    private static String roles(List<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        List<Role> roles = Arrays.stream(rs.getString("roles").split(",")).filter(r -> !r.isBlank())
                .map(Role::valueOf).toList();
        return new Account(rs.getString("username"), roles, rs.getString("jurisdiction"), rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }

    record AccountChange(Instant at, String by, String change) {
    }
}
