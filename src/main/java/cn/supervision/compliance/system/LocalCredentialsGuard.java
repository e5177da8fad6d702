package cn.supervision.compliance.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The {@code prod} profile refuses to start while any configured user, enabled account or API key still has one of the
 * documented local credentials of the README, or while there is no account, user or key at all.
 */
@Component
@Profile("prod")
class LocalCredentialsGuard {

    /** The local trial credentials published in the README; never acceptable in production. */
    private static final Map<String, String> LOCAL_PASSWORDS = Map.of(
            "integrator", "integrator-local", "auditor", "auditor-local", "editor", "editor-local", "reviewer", "reviewer-local",
            "admin", "admin-local",
            // the supervision cycle's trial clerk and reviewers (issue 24)
            "clerk", "clerk-local", "checker", "checker-local", "checker-daxiang", "checker-daxiang-local");
    private static final String LOCAL_API_KEY = "local-integrator-key";

    LocalCredentialsGuard(SecurityProperties properties, PasswordEncoder encoder, AccountStore accounts) {
        List<String> offending = new ArrayList<>();
        for (SecurityProperties.User user : properties.users()) {
            if (LOCAL_PASSWORDS.values().stream().anyMatch(p -> encoder.matches(p, user.password()))) {
                offending.add("user " + user.name());
            }
        }
        for (Account account : accounts.all()) {
            String hash = accounts.passwordHash(account.username()).orElse("");
            if (account.enabled() && LOCAL_PASSWORDS.values().stream().anyMatch(p -> encoder.matches(p, hash))) {
                offending.add("account " + account.username());
            }
        }
        String localKey = sha256(LOCAL_API_KEY);
        properties.apiKeys().stream().filter(k -> k.sha256().equalsIgnoreCase(localKey))
                .forEach(k -> offending.add("API key " + k.name()));
        if (!offending.isEmpty()) {
            throw new IllegalStateException("The prod profile refuses to start with the documented local credentials ("
                    + String.join(", ", offending) + "): set compliance.security.users and api-keys to your own.");
        }
        if (properties.users().isEmpty() && properties.apiKeys().isEmpty() && accounts.all().isEmpty()) {
            throw new IllegalStateException("The prod profile needs compliance.security.users or api-keys.");
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
