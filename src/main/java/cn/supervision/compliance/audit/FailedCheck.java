package cn.supervision.compliance.audit;

import java.util.List;

import cn.supervision.compliance.evaluation.EvaluationResult;

/**
 * One failed check of an evaluation as indexed for search: an indicator a school section did not meet
 * ({@code SECTION}), a coefficient of variation over its limit ({@code VARIATION}), or a failed generic check
 * ({@code CHECK}). Read from the result as it was returned, never recomputed.
 */
public record FailedCheck(String kind, String indicator, String subject, String stage) {

    /** The result's failures ({@link EvaluationResult#failures}: the one definition of "failed"). */
    public static List<FailedCheck> of(EvaluationResult result) {
        return result.failures().stream().map(f -> new FailedCheck(f.kind().name(), f.indicator(), f.subject(),
                f.stage() == null ? null : f.stage().name())).toList();
    }
}
