package cn.supervision.compliance.evaluation;

import java.util.List;

import org.springframework.stereotype.Service;

import cn.supervision.compliance.facts.KnownJurisdiction;
import cn.supervision.compliance.ruleset.CompiledRuleSet;
import cn.supervision.compliance.ruleset.RuleSets;

/**
 * The jurisdiction tree of a rule set's active version (its 管辖区域 rows, in sheet order), for a caller choosing the
 * jurisdiction an evaluation is judged under: the console's data-entry form, an integrator's set-up.
 */
@Service
public class JurisdictionTree {

    private final RuleSets ruleSets;

    JurisdictionTree(RuleSets ruleSets) {
        this.ruleSets = ruleSets;
    }

    /** {@code RuleSetNotFound} when there is no such rule set. */
    public Listing of(String ruleSet) {
        CompiledRuleSet rules = ruleSets.active(ruleSet);
        try (RuleSession session = RuleSession.open(rules, EvaluationRequest.DEFAULT_JURISDICTION)) {
            return new Listing(rules.name(), rules.version(),
                    JurisdictionChain.inSheetOrder(rules, session.facts(KnownJurisdiction.class)).stream()
                            .map(RuleSetIndicators.Jurisdiction::of).toList());
        }
    }

    public record Listing(String ruleSet, String version, List<RuleSetIndicators.Jurisdiction> jurisdictions) {
    }
}
