package cn.supervision.compliance.ruleset;

import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the database's active pointer every {@code compliance.rules.activation-poll} (default 3 s), so an activation
 * or rollback made through any instance behind the load balancer is in force on this one within that interval.
 */
@Component
@EnableScheduling
class ActivationFollower {

    private final RuleSetVersions versions;

    ActivationFollower(RuleSetVersions versions) {
        this.versions = versions;
    }

    @Scheduled(fixedDelayString = "${compliance.rules.activation-poll:3s}",
            initialDelayString = "${compliance.rules.activation-poll:3s}")
    void follow() {
        versions.followStoredActivations();
    }
}
