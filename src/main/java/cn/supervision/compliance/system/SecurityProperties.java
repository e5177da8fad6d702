package cn.supervision.compliance.system;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may call the service: people with a password (HTTP Basic; hashes in Spring's {@code {bcrypt}…} form) and machines
 * with an API key (header {@code X-API-Key}; the SHA-256 of the key in hex). Both carry roles.
 */
@ConfigurationProperties("compliance.security")
public record SecurityProperties(List<User> users, List<ApiKey> apiKeys) {

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
    }

    public record User(String name, String password, List<Role> roles) {
    }

    public record ApiKey(String name, String sha256, List<Role> roles) {
    }
}
