package cn.supervision.compliance.evaluation;

import java.math.BigDecimal;

import cn.supervision.compliance.evaluation.EvaluationResult.Verdict;
import cn.supervision.compliance.facts.JurisdictionLink;
import cn.supervision.compliance.facts.Measure;
import cn.supervision.compliance.facts.Stage;

/**
 * The check of one measure of the full assessment against one row of the class-A standards:
 * {@code MeasureCheck.draft($m, code, $link, rule).named(…).inUnit(…).requiring(…)} yields the row's candidate; the
 * candidate of the most specific jurisdiction of the chain becomes the check. A measure whose facts are missing is
 * not assessed, never passed.
 */
public record MeasureCheck(Measure measure, String indicator, String name, String unit, Requirement requirement,
                           Verdict verdict, String rule) implements Check {

    /**
     * The row names the indicator it checks for and is set by {@code link}'s jurisdiction; the measure is a data item
     * any row may read.
     */
    public static Draft draft(Measure measure, String indicator, JurisdictionLink link, String rule) {
        return new Draft(measure, indicator, link.code(), rule, null, null);
    }

    public record Draft(Measure measure, String indicator, String jurisdiction, String rule, String name,
                        String unit) {

        public Draft named(String text) {
            return new Draft(measure, indicator, jurisdiction, rule, text.strip(), unit);
        }

        public Draft inUnit(String text) {
            return new Draft(measure, indicator, jurisdiction, rule, name, text.strip());
        }

        public MeasureCandidate requiring(String cell) {
            Requirement requirement = Requirement.parse(cell);
            Verdict verdict;
            if (!measure.assessed()) {
                verdict = Verdict.NOT_ASSESSED;
            } else if (measure.unbounded()) {
                verdict = requirement.comparator().floor() ? Verdict.PASSED : Verdict.FAILED;
            } else {
                verdict = requirement.isMetBy(measure.value()) ? Verdict.PASSED : Verdict.FAILED;
            }
            return new MeasureCandidate(new MeasureCheck(measure, indicator, name, unit, requirement, verdict, rule),
                    jurisdiction);
        }
    }

    @Override
    public String subject() {
        return measure.subject();
    }

    @Override
    public Stage stage() {
        return measure.stageName() == null ? null : Stage.fromLabel(measure.stageName());
    }

    @Override
    public boolean failed() {
        return verdict == Verdict.FAILED;
    }

    @Override
    public BigDecimal shortfall() {
        return null;
    }
}
