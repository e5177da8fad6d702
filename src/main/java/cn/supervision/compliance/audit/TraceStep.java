package cn.supervision.compliance.audit;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.supervision.compliance.evaluation.EvaluationResult.Verdict;
import cn.supervision.compliance.facts.Stage;
import cn.supervision.compliance.ruleset.RuleOrigin;

/**
 * One check of a stored evaluation with its chain: raw figures → computed value → the rule row (workbook, sheet, row)
 * and its requirement → verdict, and a sentence saying the same in Chinese for the auditor. Only the fields of the
 * step's kind are present.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TraceStep(Kind kind, String schoolId, String schoolName, Stage stage, String indicator, String name,
                        Figures figures, BigDecimal value, String comparator, BigDecimal threshold, String unit,
                        Verdict verdict, BigDecimal attainment, BigDecimal shortfall, Integer metCount,
                        Integer checked, Boolean withinTolerance, Integer sections, String reason, RuleOrigin rule,
                        String explanation) {

    public enum Kind {
        /** One indicator of one school section against its threshold row. */
        INDICATOR,
        /** The school rule of a section (minimum indicators met, unmet ones within tolerance). */
        SCHOOL_RULE,
        /** The student-weighted coefficient of variation of one indicator over one stage. */
        VARIATION,
        /** A school left out of the assessment by a scope row. */
        EXCLUSION,
        /** A generic check of a rule set whose result is a list of checks. */
        CHECK
    }

    /**
     * The raw figures behind a value: value = perStudents × raw / students, where raw is the section's own
     * {@code field} or, when {@code split}, its weighted share of {@code schoolTotal} as submitted.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Figures(String field, BigDecimal raw, boolean split, BigDecimal schoolTotal, int students,
                          int perStudents, String formula) {
    }

    /** Identifies the same check in two evaluations. */
    String key() {
        return kind + "|" + schoolId + "|" + stage + "|" + indicator;
    }

    boolean concerns(String indicatorCode, String school) {
        return (indicatorCode == null || indicator == null || indicator.equalsIgnoreCase(indicatorCode))
                && (school == null || schoolId == null || schoolId.equals(school));
    }
}
