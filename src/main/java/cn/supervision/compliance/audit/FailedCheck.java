package cn.supervision.compliance.audit;

import java.util.ArrayList;
import java.util.List;

import cn.supervision.compliance.evaluation.EvaluationResult;

/**
 * One failed check of an evaluation as indexed for search: an indicator a school section did not meet
 * ({@code SECTION}), a coefficient of variation over its limit ({@code VARIATION}), or a failed generic check
 * ({@code CHECK}). Read from the result as it was returned, never recomputed.
 */
public record FailedCheck(String kind, String indicator, String subject, String stage) {

    public static List<FailedCheck> of(EvaluationResult result) {
        List<FailedCheck> failed = new ArrayList<>();
        for (EvaluationResult.SectionResult section : result.sections()) {
            for (EvaluationResult.IndicatorResult indicator : section.indicators()) {
                if (!indicator.met()) {
                    failed.add(new FailedCheck("SECTION", indicator.code(), section.schoolId(), section.stage().name()));
                }
            }
        }
        for (EvaluationResult.VariationResult variation : result.variation()) {
            if (Boolean.FALSE.equals(variation.passed())) {
                failed.add(new FailedCheck("VARIATION", variation.indicator(), result.subject().code(),
                        variation.stage().name()));
            }
        }
        for (EvaluationResult.CheckResult check : result.checks()) {
            if (check.verdict() == EvaluationResult.Verdict.FAILED) {
                failed.add(new FailedCheck("CHECK", check.code(),
                        check.subject() != null ? check.subject() : result.subject().code(), null));
            }
        }
        return failed;
    }
}
