package cn.supervision.compliance.cycle;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.supervision.compliance.evaluation.EvaluationResult;
import cn.supervision.compliance.evaluation.EvaluationResult.CheckResult;

/**
 * The one place the supervision cycle reads an evaluation's result: its remedies (rectification items), whether one
 * check passes (closing an item), and its figures per indicator (history, ranking). The result's body is being
 * reshaped (issue 21); re-point these methods after that merge and the cycle follows.
 */
final class EvaluationReading {

    private EvaluationReading() {
    }

    /** One remedy row that applies: what is missing, where, and who acts, as the result's hints give it. */
    record Shortfall(String indicator, String subject, String stage, BigDecimal shortfall, String unit, String measures,
                     List<String> departments, String office, String source) {
    }

    /** An indicator's figures in one evaluation, by the kind of body that judged it. */
    sealed interface Figures permits StageFigures, CheckFigures {

        String indicator();

        String name();

        /** The figure a ranking orders by (a CV, or a check's value); {@code null} when there is none. */
        BigDecimal rankValue();

        /** The requirement the rank value is held to. */
        BigDecimal threshold();

        /** Whether a lower rank value is better (a CV, a "≤" requirement). */
        boolean lowerIsBetter();
    }

    /**
     * A school-section indicator of a county for one stage: how many sections were assessed and met it (达标率), and
     * the stage's coefficient of variation against its limit.
     */
    record StageFigures(String indicator, String name, String stage, int sections, int met, BigDecimal attainment,
                        BigDecimal cv, BigDecimal cvLimit, Boolean cvPassed) implements Figures {

        @Override
        public BigDecimal rankValue() {
            return cv;
        }

        @Override
        public BigDecimal threshold() {
            return cvLimit;
        }

        @Override
        public boolean lowerIsBetter() {
            return true;
        }
    }

    /** A check of a list of checks (the full county assessment, curriculum, district targets). */
    record CheckFigures(String indicator, String name, String subject, BigDecimal value, String comparator,
                        BigDecimal threshold, String verdict) implements Figures {

        @Override
        public BigDecimal rankValue() {
            return value;
        }

        @Override
        public boolean lowerIsBetter() {
            return comparator != null && comparator.startsWith("≤") || "<".equals(comparator);
        }
    }

    static String subjectCode(EvaluationResult result) {
        return result.subject().code();
    }

    static String subjectName(EvaluationResult result) {
        return result.subject().name();
    }

    static int year(EvaluationResult result) {
        return result.subject().year();
    }

    static List<Shortfall> shortfalls(EvaluationResult result) {
        return result.hints().stream()
                .map(h -> new Shortfall(h.indicator(), h.subject(), h.stage() == null ? null : h.stage().name(),
                        h.shortfall(), h.unit(), h.measures(), h.departments() == null ? List.of() : h.departments(),
                        h.office(), h.source()))
                .toList();
    }

    /** A school left out of the evaluation: its id, its name as the request gave it, and the reason code. */
    record Excluded(String schoolId, String name, String reason) {
    }

    static List<Excluded> excluded(EvaluationResult result, com.fasterxml.jackson.databind.JsonNode request) {
        Map<String, String> names = new LinkedHashMap<>();
        request.path("subject").path("schools").forEach(s -> names.put(s.path("id").asText(), s.path("name").asText(null)));
        return result.body().exclusions().stream()
                .map(e -> new Excluded(e.subject(), names.get(e.subject()), e.reason())).toList();
    }

    /** The verdict's reasons: the decision's, or else the summary's headline. */
    static List<String> reasons(EvaluationResult result) {
        EvaluationResult.DecisionResult decision = result.body().decision();
        if (decision != null && !decision.reasons().isEmpty()) {
            return decision.reasons();
        }
        return result.summary() == null ? List.of() : List.of(result.summary().headline());
    }

    /** What was assessed ({@code RESOURCE_ALLOCATION}, {@code FULL_ASSESSMENT}), or null for a list of checks. */
    static String scope(EvaluationResult result) {
        return result.body().scope();
    }

    /**
     * Whether the check an item was opened for passes in this result: the school section's indicator, the stage's
     * CV, or a check of the list; empty when this result does not judge it at all (a school no longer reported).
     */
    static Optional<Boolean> passes(EvaluationResult result, String indicator, String subject, String stage) {
        return result.body().passes(indicator, subject, stage);
    }

    /** Every indicator's figures: per stage for school sections with their CV, then the checks judged (passed or failed). */
    static List<Figures> figures(EvaluationResult result) {
        List<Figures> figures = new ArrayList<>();
        for (EvaluationResult.StageAttainment a : result.body().attainment()) {
            figures.add(new StageFigures(a.indicator(), a.name(), a.stage(), a.sections(), a.met(), a.attainment(),
                    a.cv(), a.cvLimit(), a.cvPassed()));
        }
        // a check not assessed (a resource-only evaluation lists the 36 indicators unassessed) has no figure to show
        for (CheckResult check : result.checks()) {
            if (check.verdict() != EvaluationResult.Verdict.PASSED && check.verdict() != EvaluationResult.Verdict.FAILED) {
                continue;
            }
            figures.add(new CheckFigures(check.code(), check.name(), check.subject(),
                    check.value() != null ? check.value() : check.score(), check.comparator(), check.threshold(),
                    check.verdict() == null ? null : check.verdict().name()));
        }
        return figures;
    }
}
