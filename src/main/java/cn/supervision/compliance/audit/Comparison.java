package cn.supervision.compliance.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import cn.supervision.compliance.evaluation.TraceStep;
import cn.supervision.compliance.evaluation.EvaluationResult;
import cn.supervision.compliance.evaluation.EvaluationResult.Verdict;
import cn.supervision.compliance.facts.Stage;

/**
 * Two stored evaluations side by side (two years of a county, or two rule-set versions): the checks whose verdict
 * differs, including checks present in only one of them (verdict null on the other side).
 */
public record Comparison(Side before, Side after, boolean sameSubject, boolean sameRuleSetVersion,
                         List<Change> changed) {

    public record Side(String evaluationId, String ruleSet, String ruleSetVersion, EvaluationResult.Subject subject,
                       boolean passed, Instant evaluatedAt) {
    }

    public record Change(TraceStep.Kind kind, String schoolId, String schoolName, Stage stage, String indicator,
                         String name, Verdict verdictBefore, Verdict verdictAfter, BigDecimal valueBefore,
                         BigDecimal valueAfter, String requirementBefore, String requirementAfter) {
    }
}
