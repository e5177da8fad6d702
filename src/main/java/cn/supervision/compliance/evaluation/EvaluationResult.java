package cn.supervision.compliance.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;

import cn.supervision.compliance.facts.Stage;
import cn.supervision.compliance.ruleset.RuleOrigin;

/**
 * The result of one evaluation (API.md, "The result"): a common envelope and the body of its rule set. The envelope
 * carries what every rule set has (subject, verdict, summary, fired rules, hints); everything else shared code needs
 * it asks the {@link Body}: its checks, its failures (the one definition of "failed"), its verdicts by place, its
 * conclusion, and the two views written for integrators ({@link ResultViews}). Serialised, a result is its full view.
 */
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
        Body body) {

    public EvaluationResult withId(String newId) {
        return stamped(newId, evaluatedAt);
    }

    /** The same result under the id and time it was answered with (a stored evaluation replayed). */
    public EvaluationResult stamped(String newId, Instant at) {
        return new EvaluationResult(newId, ruleSet, jurisdiction, jurisdictionChain, ruleSetVersion, subject, passed,
                at, summary, firedRules, hints, body);
    }

    /** The full view: every check with its raw figures, passes included, every firing in order. */
    @JsonValue
    public ResultViews.Full full() {
        return body.full(this);
    }

    /** The default view (API.md, "The compact default view"): counts, what is not met, one hint per remedy row. */
    public ResultViews.Compact compact() {
        return body.compact(this);
    }

    public List<CheckResult> checks() {
        return body.checks();
    }

    /** What failed, as the search, the batch summary and the charts count it. */
    public List<Failure> failures() {
        return body.failures(subject);
    }

    /** What a rule set found, by the kind of its subject; shared code asks it, never reads a rule set's fields. */
    public sealed interface Body permits CountyBody, ChecksBody {

        /** The indicators or checks that apply, in the order of the rule set's workbook. */
        List<CheckResult> checks();

        /**
         * The failures, the one definition of "failed" (the answer's reasons, {@code failedIndicator} in the search,
         * the batch summary and the charts): a tolerated miss (a section within its allowance) is not one.
         */
        List<Failure> failures(Subject subject);

        /** Every verdict by where it was reached (subject, school, stage, indicator), for comparing two runs. */
        List<PlacedVerdict> verdicts();

        /** The decision as a reader states it: outcome, its label, the reasons, the grade if any. */
        DecisionResult decision();

        /** The grade label, or {@code null} where the rule set grades nothing. */
        String grade();

        ResultViews.Full full(EvaluationResult envelope);

        ResultViews.Compact compact(EvaluationResult envelope);
    }

    /** One failure: a section's unmet indicator, a CV over its limit, or a failed check, named by code and subject. */
    public record Failure(Kind kind, String indicator, String subject, String subjectName, Stage stage) {

        public enum Kind { SECTION, VARIATION, CHECK }
    }

    /** One verdict and where it was reached ({@code null} parts are the subject itself). */
    public record PlacedVerdict(String school, String stage, String indicator, String verdict) {

        public static final String EXCLUDED = "EXCLUDED";

        static String of(boolean passed) {
            return passed ? Verdict.PASSED.name() : Verdict.FAILED.name();
        }
    }

    /**
     * A county ({@code balanced-development}): the recognition decision and class-B grade, the 36 indicators as
     * checks (only when the full assessment was requested), and resource allocation by school section with the CV per
     * stage.
     */
    public record CountyBody(String scope, DecisionResult decision, String grade, List<CheckResult> checks,
                             AssessmentResult assessment, List<SectionResult> sections, List<ExcludedSchool> excluded,
                             List<VariationResult> variation) implements Body {

        @Override
        public List<Failure> failures(Subject subject) {
            List<Failure> failed = new ArrayList<>();
            for (SectionResult section : sections) {
                if (section.passed()) {
                    continue; // unmet indicators of a passing section are tolerated misses (INDICATORS.md §1.2)
                }
                for (IndicatorResult indicator : section.indicators()) {
                    if (!indicator.met()) {
                        failed.add(new Failure(Failure.Kind.SECTION, indicator.code(), section.schoolId(),
                                section.schoolName(), section.stage()));
                    }
                }
            }
            for (VariationResult v : variation) {
                if (Boolean.FALSE.equals(v.passed())) {
                    failed.add(new Failure(Failure.Kind.VARIATION, v.indicator(), subject.code(), subject.name(),
                            v.stage()));
                }
            }
            checks.stream().filter(c -> c.verdict() == Verdict.FAILED)
                    .forEach(c -> failed.add(ChecksBody.failure(c, subject)));
            return failed;
        }

        @Override
        public List<PlacedVerdict> verdicts() {
            List<PlacedVerdict> verdicts = new ArrayList<>();
            for (SectionResult section : sections) {
                String stage = section.stage().name();
                verdicts.add(new PlacedVerdict(section.schoolId(), stage, null, PlacedVerdict.of(section.passed())));
                for (IndicatorResult indicator : section.indicators()) {
                    verdicts.add(new PlacedVerdict(section.schoolId(), stage, indicator.code(),
                            PlacedVerdict.of(indicator.met())));
                }
            }
            excluded.forEach(e -> verdicts.add(new PlacedVerdict(e.schoolId(), null, null, PlacedVerdict.EXCLUDED)));
            for (VariationResult v : variation) {
                verdicts.add(new PlacedVerdict(null, v.stage().name(), v.indicator(),
                        v.passed() == null ? Verdict.NOT_APPLICABLE.name() : PlacedVerdict.of(v.passed())));
            }
            checks.forEach(c -> verdicts.add(new PlacedVerdict(c.subject(), null, c.code(), c.verdict().name())));
            return verdicts;
        }

        @Override
        public ResultViews.Full full(EvaluationResult e) {
            return ResultViews.full(e, scope, decision, grade, checks, assessment, sections, excluded, variation);
        }

        @Override
        public ResultViews.Compact compact(EvaluationResult e) {
            return ResultViews.compact(e, scope, decision, grade, checks, assessment, sections, excluded, variation);
        }
    }

    /**
     * A school, district or province ({@code curriculum}, {@code district-targets}): one check per row that applies,
     * and the decision its failed checks make.
     */
    public record ChecksBody(List<CheckResult> checks, DecisionResult decision) implements Body {

        static Failure failure(CheckResult check, Subject subject) {
            boolean own = check.subject() == null || check.subject().equals(subject.code());
            return new Failure(Failure.Kind.CHECK, check.code(), own ? subject.code() : check.subject(),
                    own ? subject.name() : check.subjectName(), null);
        }

        @Override
        public List<Failure> failures(Subject subject) {
            return checks.stream().filter(c -> c.verdict() == Verdict.FAILED).map(c -> failure(c, subject)).toList();
        }

        @Override
        public List<PlacedVerdict> verdicts() {
            return checks.stream().map(c -> new PlacedVerdict(c.subject(), null, c.code(), c.verdict().name()))
                    .toList();
        }

        @Override
        public String grade() {
            return null;
        }

        @Override
        public ResultViews.Full full(EvaluationResult e) {
            return ResultViews.full(e, null, decision, null, checks, null, List.of(), List.of(), List.of());
        }

        @Override
        public ResultViews.Compact compact(EvaluationResult e) {
            return ResultViews.compact(e, null, decision, null, checks, null, List.of(), List.of(), List.of());
        }
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
    @JsonPropertyOrder({"code", "name", "category", "dimension", "subject", "subjectName", "verdict", "reason"})
    public record CheckResult(String code, String name, String category, String dimension, String subject,
                              String subjectName, Verdict verdict, String reason, BigDecimal value, String comparator,
                              BigDecimal threshold, String requirement, String unit, BigDecimal score,
                              BigDecimal maxScore, List<String> failing, String note, RuleOrigin rule) {

        public static CheckResult scored(String code, String name, String category, String dimension,
                                         Verdict verdict, String reason, BigDecimal score, BigDecimal maxScore,
                                         BigDecimal floor, String note, RuleOrigin rule) {
            return new CheckResult(code, name, category, dimension, null, null, verdict, reason, null, "≥", floor,
                    null, "分", score, maxScore, List.of(), note, rule);
        }
    }

    /**
     * A people-readable overview: the headline (Chinese, saying 未达标 and why when the subject fails) and the counts
     * behind it, one count for each verdict a check can have.
     */
    public record Summary(String headline, int sectionsAssessed, int sectionsPassed, int schoolsExcluded,
                          int variationsFailed, int variationsNotApplicable, int checksPassed, int checksFailed,
                          int checksNotAssessed, int checksNotApplicable, int checksNotYetInForce, int hints) {
    }

    public record SectionResult(String schoolId, String schoolName, Stage stage, int students, boolean passed,
                                int metCount, int checked, String reason, boolean withinTolerance, RuleOrigin rule,
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

    /** A school left out of the assessment: {@code reason} its code (API.md), {@code explanation} the sentence. */
    public record ExcludedSchool(String schoolId, String schoolName, String reason, String explanation,
                                 RuleOrigin rule) {
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
    @JsonPropertyOrder({"indicator", "subject", "subjectName"})
    public record Hint(String indicator, String subject, String subjectName, Stage stage, BigDecimal shortfall,
                       String unit, String measures, List<String> departments, String office, String source,
                       RuleOrigin rule, String leadUnit, List<String> supportingUnits) {
    }
}
