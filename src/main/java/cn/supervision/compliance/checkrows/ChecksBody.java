package cn.supervision.compliance.checkrows;

import java.util.List;

import cn.supervision.compliance.evaluation.EvaluationResult;
import cn.supervision.compliance.evaluation.EvaluationResult.CheckResult;
import cn.supervision.compliance.evaluation.EvaluationResult.DecisionResult;
import cn.supervision.compliance.evaluation.EvaluationResult.Failure;
import cn.supervision.compliance.evaluation.EvaluationResult.PlacedVerdict;
import cn.supervision.compliance.evaluation.EvaluationResult.Subject;
import cn.supervision.compliance.evaluation.EvaluationResult.Verdict;
import cn.supervision.compliance.evaluation.ResultViews;

/**
 * A school, district or province judged by check rows ({@code curriculum}, {@code district-targets}): one check per
 * row that applies, and the decision its failed checks make.
 */
public record ChecksBody(List<CheckResult> checks, DecisionResult decision) implements EvaluationResult.Body {

    static final ResultViews.PartTypes PARTS = new ResultViews.PartTypes(Conclusion.class, Findings.class,
            Findings.class);

    @Override
    public List<Failure> failures(Subject subject) {
        return checks.stream().filter(c -> c.verdict() == Verdict.FAILED).map(c -> Failure.ofCheck(c, subject))
                .toList();
    }

    @Override
    public List<PlacedVerdict> verdicts() {
        return checks.stream().map(c -> new PlacedVerdict(c.subject(), null, c.code(), c.verdict().name())).toList();
    }

    @Override
    public String grade() {
        return null;
    }

    @Override
    public ResultViews.Parts full() {
        return new ResultViews.Parts(new Conclusion(decision, null), Findings.of(checks));
    }

    @Override
    public ResultViews.Parts compact() {
        return new ResultViews.Parts(new Conclusion(decision, null), Findings.of(ResultViews.compactChecks(checks)));
    }

    record Conclusion(DecisionResult decision, String grade) {
    }

    /**
     * The checks; the county's parts stay in the answer, empty, as API.md has always listed them for every rule set
     * (a client reading {@code sections} of a school's answer finds an empty list, not a missing field).
     */
    record Findings(List<?> checks, Object assessment, List<Object> sections, List<Object> excluded,
                    List<Object> variation) {

        static Findings of(List<?> checks) {
            return new Findings(checks, null, List.of(), List.of(), List.of());
        }
    }
}
