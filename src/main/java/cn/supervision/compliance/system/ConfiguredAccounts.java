package cn.supervision.compliance.system;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates each account listed under {@code compliance.security.users} that the database does not hold yet: the trial
 * accounts of the {@code trial} profile (the embedded default), or an operator's first administrator. An account that
 * exists is left as it is, so a password changed over the API stays changed after a restart.
 */
@Component
class ConfiguredAccounts {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredAccounts.class);
    static final String CONFIGURATION = "configuration";

    ConfiguredAccounts(SecurityProperties properties, AccountStore store) {
        for (SecurityProperties.User user : properties.users()) {
            if (!store.exists(user.name())) {
                Instant now = Instant.now();
                store.insert(new Account(user.name(), user.roles(), user.jurisdiction(), true, now, CONFIGURATION,
                        now, CONFIGURATION), user.password(), "created from the configuration");
                log.info("Account {} created from the configuration ({}, {})", user.name(), user.roles(),
                        user.jurisdiction());
            }
        }
    }
}
