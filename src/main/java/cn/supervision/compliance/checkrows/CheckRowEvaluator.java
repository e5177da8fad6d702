package cn.supervision.compliance.checkrows;

import cn.supervision.compliance.evaluation.EvaluationResult;
import cn.supervision.compliance.evaluation.IndicatorListing;
import cn.supervision.compliance.evaluation.ResultViews;
import cn.supervision.compliance.evaluation.RuleSetIndicators;
import cn.supervision.compliance.evaluation.SubjectEvaluator;
import cn.supervision.compliance.ruleset.CompiledRuleSet;

/**
 * The session and assembly of every rule set judged by the check rows of {@code rules/shared/check-rows.drl}
 * (curriculum, district-targets): a module gives the validation and derivation of its subject, this class the rest.
 */
public abstract class CheckRowEvaluator implements SubjectEvaluator<CheckSubject, TargetSession.Outcomes>,
        IndicatorListing {

    @Override
    public final TargetSession.Outcomes session(CompiledRuleSet rules, String jurisdiction, CheckSubject subject) {
        return TargetSession.run(rules, CheckScope.evaluating(subject.level(), jurisdiction, subject.year()),
                subject.reach(), subject.observations());
    }

    @Override
    public final EvaluationResult assemble(CompiledRuleSet rules, String jurisdiction, CheckSubject subject,
                                           TargetSession.Outcomes outcomes) {
        return TargetResults.assemble(rules, jurisdiction, subject.subject(), outcomes);
    }

    @Override
    public final ResultViews.PartTypes answerParts() {
        return ChecksBody.PARTS;
    }

    @Override
    public final RuleSetIndicators indicators(CompiledRuleSet rules) {
        return TargetResults.listing(rules);
    }
}
