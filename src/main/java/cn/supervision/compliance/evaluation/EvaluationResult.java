package cn.supervision.compliance.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import cn.supervision.compliance.facts.Stage;
import cn.supervision.compliance.ruleset.RuleOrigin;

/**
 * The result of one evaluation, as returned to integrators and stored in the audit trail (API.md, "The result"): a
 * common envelope and the body of the subject's kind. The JSON is one shape for every rule set, the fields of API.md in
 * their order: a body of checks shows no decision, grade or assessment ({@code null}) and no sections, exclusions or
 * variation ({@code []}), as before bodies were typed.
 */
@JsonPropertyOrder({"id", "ruleSet", "jurisdiction", "jurisdictionChain", "ruleSetVersion", "subject", "passed",
        "scope", "decision", "grade", "evaluatedAt", "summary", "checks", "assessment", "sections", "excluded", "variation",
        "firedRules", "hints"})
public record EvaluationResult(
        String id,
        String ruleSet,
        String jurisdiction,
        List<String> jurisdictionChain,
        String ruleSetVersion,
        Subject subject,
        boolean passed,
        Instant evaluatedAt,
        Summary summary,
        List<RuleOrigin> firedRules,
        List<Hint> hints,
        @JsonIgnore Body body) {

    /**
     * Reads a result as written (a response, or the audit trail's JSON): the subject's kind decides the body, a county
     * being assessed with sections, CVs and a decision, a school, district or province with a list of checks.
     */
    @JsonCreator
    static EvaluationResult read(@JsonProperty("id") String id, @JsonProperty("ruleSet") String ruleSet,
                                 @JsonProperty("jurisdiction") String jurisdiction,
                                 @JsonProperty("jurisdictionChain") List<String> jurisdictionChain,
                                 @JsonProperty("ruleSetVersion") String ruleSetVersion,
                                 @JsonProperty("subject") Subject subject, @JsonProperty("passed") boolean passed,
                                 @JsonProperty("scope") String scope,
                                 @JsonProperty("decision") DecisionResult decision,
                                 @JsonProperty("grade") String grade,
                                 @JsonProperty("evaluatedAt") Instant evaluatedAt,
                                 @JsonProperty("summary") Summary summary,
                                 @JsonProperty("checks") List<CheckResult> checks,
                                 @JsonProperty("assessment") AssessmentResult assessment,
                                 @JsonProperty("sections") List<SectionResult> sections,
                                 @JsonProperty("excluded") List<ExcludedSchool> excluded,
                                 @JsonProperty("variation") List<VariationResult> variation,
                                 @JsonProperty("firedRules") List<RuleOrigin> firedRules,
                                 @JsonProperty("hints") List<Hint> hints) {
        Body body = subject instanceof Subject.County
                ? new CountyBody(scope, decision, grade, checks, assessment, sections, excluded, variation)
                : new ChecksBody(checks);
        return new EvaluationResult(id, ruleSet, jurisdiction, jurisdictionChain, ruleSetVersion, subject, passed,
                evaluatedAt, summary, firedRules, hints, body);
    }

    public EvaluationResult withId(String newId) {
        return new EvaluationResult(newId, ruleSet, jurisdiction, jurisdictionChain, ruleSetVersion, subject, passed,
                evaluatedAt, summary, firedRules, hints, body);
    }

    /** What a rule set found, by the kind of its subject. */
    public sealed interface Body permits CountyBody, ChecksBody {

        /** The indicators or checks, in the order of the rule set's workbook. */
        List<CheckResult> checks();
    }

    /**
     * A county ({@code balanced-development}): the recognition decision and class-B grade, the 36 indicators as
     * checks with every figure checked, and resource allocation by school section with the CV per stage.
     */
    public record CountyBody(String scope, DecisionResult decision, String grade, List<CheckResult> checks,
                             AssessmentResult assessment, List<SectionResult> sections, List<ExcludedSchool> excluded,
                             List<VariationResult> variation) implements Body {
    }

    /** A school, district or province ({@code curriculum}, {@code district-targets}): one check per row that applies. */
    public record ChecksBody(List<CheckResult> checks) implements Body {
    }

    /**
     * What a county evaluation assessed: {@code RESOURCE_ALLOCATION} (资源配置) or {@code FULL_ASSESSMENT} (the 36
     * indicators); absent for the other rule sets.
     */
    @JsonProperty("scope")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public String scope() {
        return body instanceof CountyBody county ? county.scope() : null;
    }

    @JsonProperty("decision")
    public DecisionResult decision() {
        return body instanceof CountyBody county ? county.decision() : null;
    }

    @JsonProperty("grade")
    public String grade() {
        return body instanceof CountyBody county ? county.grade() : null;
    }

    @JsonProperty("checks")
    public List<CheckResult> checks() {
        return body.checks();
    }

    @JsonProperty("assessment")
    public AssessmentResult assessment() {
        return body instanceof CountyBody county ? county.assessment() : null;
    }

    @JsonProperty("sections")
    public List<SectionResult> sections() {
        return body instanceof CountyBody county ? county.sections() : List.of();
    }

    @JsonProperty("excluded")
    public List<ExcludedSchool> excluded() {
        return body instanceof CountyBody county ? county.excluded() : List.of();
    }

    @JsonProperty("variation")
    public List<VariationResult> variation() {
        return body instanceof CountyBody county ? county.variation() : List.of();
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

    /** What was evaluated, in a year: a county, a school, a district or a province, with only its own fields. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
    @JsonSubTypes({@JsonSubTypes.Type(Subject.County.class), @JsonSubTypes.Type(Subject.School.class),
            @JsonSubTypes.Type(Subject.District.class), @JsonSubTypes.Type(Subject.Province.class)})
    public sealed interface Subject {

        /** The identifying code of whichever kind of subject this is (its {@code countyCode}, {@code schoolId}…). */
        String code();

        /** Its name as the request gave it, or {@code null}. */
        String name();

        int year();

        static Subject county(String code, String name, int year) {
            return new County(code, name, year);
        }

        static Subject school(String id, String name, int year) {
            return new School(id, name, year);
        }

        static Subject district(String code, String name, int year) {
            return new District(code, name, year);
        }

        static Subject province(String code, String name, int year) {
            return new Province(code, name, year);
        }

        @JsonInclude(JsonInclude.Include.NON_NULL)
        record County(@JsonProperty("countyCode") String code, @JsonProperty("countyName") String name, int year)
                implements Subject {
        }

        @JsonInclude(JsonInclude.Include.NON_NULL)
        record School(@JsonProperty("schoolId") String code, @JsonProperty("schoolName") String name, int year)
                implements Subject {
        }

        @JsonInclude(JsonInclude.Include.NON_NULL)
        record District(@JsonProperty("districtCode") String code, @JsonProperty("districtName") String name,
                        int year) implements Subject {
        }

        @JsonInclude(JsonInclude.Include.NON_NULL)
        record Province(@JsonProperty("provinceCode") String code, @JsonProperty("provinceName") String name,
                        int year) implements Subject {
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
