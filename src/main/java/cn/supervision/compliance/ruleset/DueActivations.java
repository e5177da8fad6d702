package cn.supervision.compliance.ruleset;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Puts approvals in force on their effective date (自…起施行): every {@code compliance.rules.activation-poll} each
 * instance records the activation of every due approval (one instance wins each) and then serves what the database
 * says is active, as {@link ActivationFollower} does for activations made elsewhere.
 */
@Component
class DueActivations {

    private static final Logger log = LoggerFactory.getLogger(DueActivations.class);

    private final ScheduledActivations scheduled;
    private final RuleSetVersions versions;

    DueActivations(ScheduledActivations scheduled, RuleSetVersions versions) {
        this.scheduled = scheduled;
        this.versions = versions;
    }

    @Scheduled(fixedDelayString = "${compliance.rules.activation-poll:3s}",
            initialDelayString = "${compliance.rules.activation-poll:3s}")
    void activateDue() {
        boolean any = false;
        for (ScheduledActivations.Scheduled due : scheduled.due(Instant.now())) {
            if (scheduled.activate(due)) {
                any = true;
                log.info("rule set {} version {} approved by {} at {} is in force from {}", due.ruleSet(),
                        due.sequence(), due.approvedBy(), due.approvedAt(), due.effectiveFrom());
            }
        }
        if (any) {
            versions.followStoredActivations();
        }
    }
}
