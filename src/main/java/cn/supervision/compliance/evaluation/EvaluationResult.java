package cn.supervision.compliance.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

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
        return ResultViews.full(this);
    }

    /** The default view (API.md, "The compact default view"): counts, what is not met, one hint per remedy row. */
    public ResultViews.Compact compact() {
        return ResultViews.compact(this);
    }

    public List<CheckResult> checks() {
        return body.checks();
    }

    /** What failed, as the search, the batch summary and the charts count it. */
    public List<Failure> failures() {
        return body.failures(subject);
    }

    /**
     * What a rule set found, by the kind of its subject; shared code asks it, never reads a rule set's fields. Each
     * rule-set module implements it with its own records (a county's sections in {@code balanced}, the checks of a
     * check-row rule set in {@code checkrows}). Not sealed: a sealed interface of the unnamed module can permit only
     * classes of its own package, and the bodies live in the rule sets' packages.
     */
    public interface Body {

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

        /** The body's parts of the full view (API.md, "The result"): every item with its figures. */
        ResultViews.Parts full();

        /** The body's parts of the default view (API.md, "The compact default view"). */
        ResultViews.Parts compact();

        /** The trace, step by step in result order; {@code request} is the request the result answered. */
        default List<TraceStep> traceSteps(JsonNode request) {
            return checks().stream().<TraceStep>map(TraceTexts::check).toList();
        }

        /** What was assessed (a county's {@code RESOURCE_ALLOCATION} or {@code FULL_ASSESSMENT}), or null. */
        default String scope() {
            return null;
        }

        /** The subjects left out of the evaluation, with the reason code. */
        default List<Excluded> exclusions() {
            return List.of();
        }

        /**
         * Whether the check of {@code indicator} for {@code subject} (and {@code stage}) passes; empty when this
         * result does not judge it at all (a school no longer reported).
         */
        default Optional<Boolean> passes(String indicator, String subject, String stage) {
            for (CheckResult check : checks()) {
                if (check.code().equals(indicator) && (subject == null || Objects.equals(subject, check.subject())
                        || check.failing().contains(subject) || check.subject() == null)) {
                    return Optional.of(check.verdict() == Verdict.PASSED
                            && (subject == null || !check.failing().contains(subject)));
                }
            }
            return Optional.empty();
        }

        /** Per indicator and stage, how many sections met it and the stage's CV (a county); empty for checks. */
        default List<StageAttainment> attainment() {
            return List.of();
        }
    }

    /** A subject left out of an evaluation and the reason code (API.md: {@code SPECIAL_ED}…). */
    public record Excluded(String subject, String reason) {
    }

    /** An indicator's attainment over one stage: sections assessed and met, and the stage's CV against its limit. */
    public record StageAttainment(String indicator, String name, String stage, int sections, int met,
                                  BigDecimal attainment, BigDecimal cv, BigDecimal cvLimit, Boolean cvPassed) {
    }

    /** One failure: a section's unmet indicator, a CV over its limit, or a failed check, named by code and subject. */
    public record Failure(Kind kind, String indicator, String subject, String subjectName, Stage stage) {

        public enum Kind { SECTION, VARIATION, CHECK }

        /** A failed check, of the subject itself or of one it names. */
        public static Failure ofCheck(CheckResult check, Subject subject) {
            boolean own = check.subject() == null || check.subject().equals(subject.code());
            return new Failure(Kind.CHECK, check.code(), own ? subject.code() : check.subject(),
                    own ? subject.name() : check.subjectName(), null);
        }
    }

    /** One verdict and where it was reached ({@code null} parts are the subject itself). */
    public record PlacedVerdict(String school, String stage, String indicator, String verdict) {

        public static final String EXCLUDED = "EXCLUDED";

        public static String of(boolean passed) {
            return passed ? Verdict.PASSED.name() : Verdict.FAILED.name();
        }
    }

    /** The recognition decision: {@code RECOGNISED} (认定), {@code NOT_RECOGNISED} or {@code INCOMPLETE}, with reasons in order of importance. */
    public record DecisionResult(String outcome, String label, List<String> reasons, RuleOrigin rule) {
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
