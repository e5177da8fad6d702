package cn.supervision.compliance.audit;

import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.supervision.compliance.evaluation.EvaluationResult;
import cn.supervision.compliance.evaluation.Evaluations;
import cn.supervision.compliance.evaluation.EvaluationResult.Verdict;
import cn.supervision.compliance.evaluation.StoredEvaluation;
import cn.supervision.compliance.evaluation.TraceTexts;

/**
 * Builds the trace of a stored evaluation from what was stored: the submitted figures and the result. Verdicts,
 * values and shortfalls are read, never recomputed, so the trace shows exactly what the evaluation decided. Each
 * step's sentence comes from the catalogue ({@code trace.*}) in the language of the answer and names request fields
 * by their Chinese names and units; the field paths, raw figures and rule rows stay beside it for programs.
 */
@Component
public class Traces {

    private final Evaluations evaluations;

    public Traces(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    public Optional<Trace> trace(String id) {
        return evaluations.find(id).map(this::of);
    }

    /** The trace of a stored evaluation: its request evaluated again on the rule base it was answered with. */
    public Trace of(StoredEvaluation stored) {
        return of(stored, evaluations.replay(stored));
    }

    /** The trace of a result and the request it answered; the steps are the body's, in its order. */
    public static Trace of(StoredEvaluation stored, EvaluationResult result) {
        return new Trace(result.id(), result.ruleSet(), result.ruleSetVersion(), result.jurisdiction(),
                result.subject(), result.passed(), result.evaluatedAt(), stored.submittedBy(),
                result.body().traceSteps(stored.request()));
    }

    /** A verdict as the trace and the report write it, in the language of the answer. */
    public static String verdict(Verdict verdict) {
        return TraceTexts.verdict(verdict);
    }
}
