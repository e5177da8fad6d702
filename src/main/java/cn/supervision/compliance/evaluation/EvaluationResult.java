package cn.supervision.compliance.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import cn.supervision.compliance.facts.Stage;
import cn.supervision.compliance.ruleset.RuleOrigin;

/** The result of one evaluation, as returned to integrators and stored in the audit trail (API.md, "The result"). */
public record EvaluationResult(
        String id,
        String ruleSet,
        String jurisdiction,
        List<String> jurisdictionChain,
        String ruleSetVersion,
        Subject subject,
        boolean passed,
        DecisionResult decision,
        String grade,
        Instant evaluatedAt,
        Summary summary,
        List<CheckResult> checks,
        AssessmentResult assessment,
        List<SectionResult> sections,
        List<ExcludedSchool> excluded,
        List<VariationResult> variation,
        List<RuleOrigin> firedRules,
        List<Hint> hints) {

    public EvaluationResult withId(String newId) {
        return new EvaluationResult(newId, ruleSet, jurisdiction, jurisdictionChain, ruleSetVersion, subject, passed, decision, grade,
                evaluatedAt, summary, checks, assessment, sections, excluded, variation, firedRules, hints);
    }

    /** The recognition decision: {@code RECOGNISED} (认定), {@code NOT_RECOGNISED} or {@code INCOMPLETE}, with reasons in order of importance. */
    public record DecisionResult(String outcome, String label, List<String> reasons, RuleOrigin rule) {
    }

    /** The class-B total and grade, the vetoes that apply, and every measure checked for the class-A indicators. */
    public record AssessmentResult(BigDecimal totalScore, BigDecimal maxScore, String grade, RuleOrigin gradeRule,
                                   List<VetoResult> vetoes, List<CheckResult> details) {
    }

    public record VetoResult(String code, String name, String source, RuleOrigin rule) {
    }

    /**
     * What was evaluated: a county ({@code countyCode}), a school ({@code schoolId}), a district or a province, in a
     * year. Only the fields of the subject's kind are present.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Subject(String countyCode, String countyName, String schoolId, String schoolName,
                          String districtCode, String districtName, String provinceCode, String provinceName,
                          int year) {

        public static Subject county(String code, String name, int year) {
            return new Subject(code, name, null, null, null, null, null, null, year);
        }

        public static Subject school(String id, String name, int year) {
            return new Subject(null, null, id, name, null, null, null, null, year);
        }

        public static Subject district(String code, String name, int year) {
            return new Subject(null, null, null, null, code, name, null, null, year);
        }

        public static Subject province(String code, String name, int year) {
            return new Subject(null, null, null, null, null, null, code, name, year);
        }

        /** The identifying code of whichever kind of subject this is. */
        @JsonIgnore
        public String code() {
            return Stream.of(countyCode, schoolId, districtCode, provinceCode).filter(Objects::nonNull).findFirst()
                    .orElse("");
        }
    }

    /** The outcome of one check, with the word auditors' documents use for it. */
    public enum Verdict {
        PASSED("达标"), FAILED("未达标"), NOT_APPLICABLE("不适用"), NOT_ASSESSED("未评估"), NOT_YET_IN_FORCE("尚未生效");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One check of a rule set whose result is a list of indicators rather than school sections (the full county
     * assessment, curriculum, district targets): the actual value against the requirement, or a score against its
     * maximum, with the subjects (schools…) that fail a per-subject requirement.
     */
    public record CheckResult(String code, String name, String category, String subject, Verdict verdict,
                              BigDecimal value, String comparator, BigDecimal threshold, String requirement,
                              String unit, BigDecimal score, BigDecimal maxScore, List<String> failing, String note,
                              RuleOrigin rule) {

        public static CheckResult scored(String code, String name, String category, Verdict verdict, BigDecimal score,
                                         BigDecimal maxScore, BigDecimal floor, String note, RuleOrigin rule) {
            return new CheckResult(code, name, category, null, verdict, null, "≥", floor, null, "分", score, maxScore,
                    List.of(), note, rule);
        }
    }

    /** A people-readable overview: the headline (Chinese) and the counts behind it. */
    public record Summary(String headline, int sectionsAssessed, int sectionsPassed, int schoolsExcluded,
                          int variationsFailed, int variationsNotApplicable, int checksPassed, int checksFailed,
                          int checksNotAssessed, int hints) {
    }

    public record SectionResult(String schoolId, String schoolName, Stage stage, int students, boolean passed,
                                int metCount, int checked, boolean withinTolerance, RuleOrigin rule,
                                List<IndicatorResult> indicators) {
    }

    public record IndicatorResult(String code, String name, BigDecimal value, String comparator, BigDecimal threshold,
                                  boolean met, BigDecimal attainment, BigDecimal shortfall, String unit,
                                  Derivation derivation, RuleOrigin rule) {
    }

    /**
     * How the value was computed, for the audit trace: value = perStudents × raw / students, where raw is the
     * section's own {@code field} or, when {@code split}, its weighted share of the whole-school figure.
     */
    public record Derivation(String field, BigDecimal raw, boolean split, int students, int perStudents) {
    }

    public record ExcludedSchool(String schoolId, String reason, RuleOrigin rule) {
    }

    public record VariationResult(Stage stage, String indicator, String name, int sections, BigDecimal cv,
                                  String comparator, BigDecimal limit, boolean applicable, Boolean passed,
                                  RuleOrigin rule) {
    }

    /**
     * What to do about a failure and who does it. {@code leadUnit} (主责单位) and {@code supportingUnits} (协助单位)
     * are given where the source assigns them (the curriculum and district-target rule sets); {@code departments}
     * then lists them all, lead unit first.
     */
    public record Hint(String indicator, String subject, Stage stage, BigDecimal shortfall, String unit,
                       String measures, List<String> departments, String office, String source, RuleOrigin rule,
                       String leadUnit, List<String> supportingUnits) {

        public Hint(String indicator, String subject, Stage stage, BigDecimal shortfall, String unit, String measures,
                    List<String> departments, String office, String source, RuleOrigin rule) {
            this(indicator, subject, stage, shortfall, unit, measures, departments, office, source, rule, null, null);
        }
    }
}
