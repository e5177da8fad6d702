package cn.supervision.compliance.system;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may call the service and how hard guessing is made. {@code users} are accounts created in the database at start
 * when no account of that name exists yet (the trial accounts of the {@code trial} profile, or an operator's first
 * administrator); hashes in Spring's {@code {bcrypt}…} form. Machines use an API key (header {@code X-API-Key}; the
 * SHA-256 of the key in hex). {@code allowedOrigins}: other sites whose pages may change state (the service's own
 * origin always may).
 */
@ConfigurationProperties("compliance.security")
public record SecurityProperties(List<User> users, List<ApiKey> apiKeys, LoginThrottle loginThrottle,
                                 List<String> allowedOrigins) {

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
        loginThrottle = loginThrottle == null ? LoginThrottle.DEFAULT : loginThrottle;
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }

    public record User(String name, String password, List<Role> roles, String jurisdiction) {

        public User {
            jurisdiction = jurisdiction == null || jurisdiction.isBlank() ? Account.NATIONAL : jurisdiction;
        }
    }

    public record ApiKey(String name, String sha256, List<Role> roles, String jurisdiction) {

        public ApiKey {
            jurisdiction = jurisdiction == null || jurisdiction.isBlank() ? Account.NATIONAL : jurisdiction;
        }
    }

    /**
     * Failed sign-ins tolerated per account and per address before each further failure locks the name (or address)
     * out, for {@code firstLock} doubled with every further failure up to {@code longestLock}. A success clears the
     * account's count; counts are forgotten after {@code forgetAfter} without failures.
     */
    public record LoginThrottle(int accountFailures, int addressFailures, Duration firstLock, Duration longestLock,
                                Duration forgetAfter, int trackedAtMost) {

        static final LoginThrottle DEFAULT = new LoginThrottle(5, 30, Duration.ofSeconds(2), Duration.ofMinutes(15),
                Duration.ofHours(1), 100_000);

        public LoginThrottle {
            accountFailures = accountFailures <= 0 ? 5 : accountFailures;
            addressFailures = addressFailures <= 0 ? 30 : addressFailures;
            firstLock = firstLock == null ? Duration.ofSeconds(2) : firstLock;
            longestLock = longestLock == null ? Duration.ofMinutes(15) : longestLock;
            forgetAfter = forgetAfter == null ? Duration.ofHours(1) : forgetAfter;
            trackedAtMost = trackedAtMost <= 0 ? 100_000 : trackedAtMost;
        }
    }
}
