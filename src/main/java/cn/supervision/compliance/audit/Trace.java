package cn.supervision.compliance.audit;

import java.time.Instant;
import java.util.List;

import cn.supervision.compliance.evaluation.TraceStep;
import cn.supervision.compliance.evaluation.EvaluationResult;

/** Every check of a stored evaluation with its chain, in result order: sections, exclusions, variations, checks. */
public record Trace(String evaluationId, String ruleSet, String ruleSetVersion, String jurisdiction,
                    EvaluationResult.Subject subject, boolean passed, Instant evaluatedAt, String submittedBy,
                    List<TraceStep> checks) {

    /** Only the checks about an indicator and/or a school (null = any); steps without one (a CV, a school rule) stay. */
    public Trace about(String indicator, String school) {
        if (indicator == null && school == null) {
            return this;
        }
        return new Trace(evaluationId, ruleSet, ruleSetVersion, jurisdiction, subject, passed, evaluatedAt,
                submittedBy, checks.stream().filter(step -> step.concerns(indicator, school)).toList());
    }
}
