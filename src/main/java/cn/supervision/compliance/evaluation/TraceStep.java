package cn.supervision.compliance.evaluation;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import cn.supervision.compliance.evaluation.EvaluationResult.Verdict;
import cn.supervision.compliance.facts.Stage;
import cn.supervision.compliance.ruleset.RuleOrigin;

/**
 * One step of an evaluation's trace: raw figures → value → the workbook row → verdict, one kind of step per kind of
 * check, each carrying only what that check has. Every step says what it is ({@code kind}), its verdict, the row that
 * decided it and a sentence that explains it (Chinese unless the request asked for English). A rule set's body
 * gives its steps ({@link EvaluationResult.Body#traceSteps}); the kinds of a county's steps are its module's records.
 */
public interface TraceStep {

    enum Kind {
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

    @JsonProperty("kind")
    Kind kind();

    Verdict verdict();

    RuleOrigin rule();

    String explanation();

    /** The school (or, for a check, the subject) a step is about; null for a step about a whole stage. */
    default String schoolId() {
        return null;
    }

    default String schoolName() {
        return null;
    }

    default Stage stage() {
        return null;
    }

    /** The indicator code a step is about; null for a school rule or an exclusion. */
    default String indicator() {
        return null;
    }

    /** Identifies the same check in two evaluations. */
    default String key() {
        return kind() + "|" + schoolId() + "|" + stage() + "|" + indicator();
    }

    /** Whether the step concerns an indicator and/or a school (null = any); a step without one always does. */
    default boolean concerns(String indicatorCode, String school) {
        return (indicatorCode == null || indicator() == null || indicator().equalsIgnoreCase(indicatorCode))
                && (school == null || schoolId() == null || schoolId().equals(school));
    }

    /** A step that compares a value with a requirement: an indicator, a CV, a check. */
    interface Measured extends TraceStep {

        String name();

        BigDecimal value();

        String comparator();

        BigDecimal threshold();

        /** The unit of the value; null when it has none. */
        default String unit() {
            return null;
        }

        /** The raw figures behind the value, where a rule set derives it from submitted fields. */
        default Figures figures() {
            return null;
        }

        default BigDecimal attainment() {
            return null;
        }

        default BigDecimal shortfall() {
            return null;
        }

        /** The requirement as written: the comparator and the threshold of the row; null when there is none. */
        default String requirement() {
            return comparator() == null || threshold() == null ? null
                    : comparator() + threshold().stripTrailingZeros().toPlainString();
        }
    }

    /**
     * The raw figures behind a value: value = perStudents × raw / students, where raw is the section's own
     * {@code field} or, when {@code split}, its weighted share of {@code schoolTotal} as submitted; {@code fieldName}
     * is how a person reads the field (its Chinese name and unit, 教学仪器设备值（元）).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Figures(String field, String fieldName, BigDecimal raw, boolean split, BigDecimal schoolTotal,
                   int students, int perStudents, String formula) {
    }

    /** {@code schoolId} is the check's subject (a school, a stage, the county), null for a check of the whole subject. */
    @JsonPropertyOrder({"kind"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CheckStep(String schoolId, String indicator, String name, BigDecimal value, String comparator,
                     BigDecimal threshold, String unit, Verdict verdict, String reason, RuleOrigin rule,
                     String explanation) implements Measured {
        @Override
        public Kind kind() {
            return Kind.CHECK;
        }
    }
}
