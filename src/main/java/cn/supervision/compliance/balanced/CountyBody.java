package cn.supervision.compliance.balanced;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import cn.supervision.compliance.evaluation.EvaluationResult;
import cn.supervision.compliance.evaluation.EvaluationResult.CheckResult;
import cn.supervision.compliance.evaluation.EvaluationResult.DecisionResult;
import cn.supervision.compliance.evaluation.EvaluationResult.Failure;
import cn.supervision.compliance.evaluation.EvaluationResult.PlacedVerdict;
import cn.supervision.compliance.evaluation.EvaluationResult.Subject;
import cn.supervision.compliance.evaluation.EvaluationResult.Verdict;
import cn.supervision.compliance.evaluation.ResultViews;
import cn.supervision.compliance.evaluation.TraceStep;
import cn.supervision.compliance.facts.Stage;
import cn.supervision.compliance.ruleset.RuleOrigin;

/**
 * A county ({@code balanced-development}): the recognition decision and class-B grade, the 36 indicators as checks
 * (only when the full assessment was requested), and resource allocation by school section with the CV per stage.
 */
public record CountyBody(String scope, DecisionResult decision, String grade, List<CheckResult> checks,
                         AssessmentResult assessment, List<SectionResult> sections, List<ExcludedSchool> excluded,
                         List<VariationResult> variation) implements EvaluationResult.Body {

    static final ResultViews.PartTypes PARTS = new ResultViews.PartTypes(Conclusion.class, Findings.class,
            CompactFindings.class);

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
                .forEach(c -> failed.add(Failure.ofCheck(c, subject)));
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
    public ResultViews.Parts full() {
        return new ResultViews.Parts(new Conclusion(scope, decision, grade),
                new Findings(checks, assessment, sections, excluded, variation));
    }

    @Override
    public ResultViews.Parts compact() {
        return new ResultViews.Parts(new Conclusion(scope, decision, grade),
                new CompactFindings(ResultViews.compactChecks(checks), failedDetails(assessment),
                        sections.stream().map(CompactSection::of).toList(), excluded, variation));
    }

    @Override
    public List<TraceStep> traceSteps(JsonNode request) {
        return CountyTrace.steps(this, request);
    }

    @Override
    public List<EvaluationResult.Excluded> exclusions() {
        return excluded.stream().map(e -> new EvaluationResult.Excluded(e.schoolId(), e.reason())).toList();
    }

    @Override
    public Optional<Boolean> passes(String indicator, String subject, String stage) {
        for (SectionResult section : sections) {
            if (section.schoolId().equals(subject) && section.stage().name().equals(stage)) {
                return section.indicators().stream().filter(i -> i.code().equals(indicator)).findFirst()
                        .map(IndicatorResult::met);
            }
        }
        for (VariationResult v : variation) {
            if (v.indicator().equals(indicator) && v.stage().name().equals(stage)
                    && (subject == null || subject.equals(stage))) {
                return Optional.ofNullable(v.passed());
            }
        }
        return EvaluationResult.Body.super.passes(indicator, subject, stage);
    }

    @Override
    public List<EvaluationResult.StageAttainment> attainment() {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, IndicatorResult> named = new LinkedHashMap<>();
        Map<String, Stage> stages = new LinkedHashMap<>();
        for (SectionResult section : sections) {
            for (IndicatorResult indicator : section.indicators()) {
                String key = indicator.code() + "|" + section.stage().name();
                named.putIfAbsent(key, indicator);
                stages.putIfAbsent(key, section.stage());
                int[] count = counts.computeIfAbsent(key, k -> new int[2]);
                count[0]++;
                count[1] += indicator.met() ? 1 : 0;
            }
        }
        List<EvaluationResult.StageAttainment> figures = new ArrayList<>(counts.size());
        counts.forEach((key, count) -> {
            IndicatorResult indicator = named.get(key);
            Stage stage = stages.get(key);
            VariationResult v = variation.stream()
                    .filter(x -> x.indicator().equals(indicator.code()) && x.stage() == stage).findFirst()
                    .orElse(null);
            figures.add(new EvaluationResult.StageAttainment(indicator.code(), indicator.name(), stage.name(),
                    count[0], count[1],
                    BigDecimal.valueOf(count[1]).divide(BigDecimal.valueOf(count[0]), 4, RoundingMode.HALF_UP),
                    v == null ? null : v.cv(), v == null ? null : v.limit(), v == null ? null : v.passed()));
        });
        return figures;
    }

    /** What precedes the summary in either view: the scope assessed, the decision and the grade. */
    record Conclusion(@JsonInclude(JsonInclude.Include.NON_NULL) String scope, DecisionResult decision,
                      String grade) {
    }

    /** The full view's findings: every check, section, exclusion and CV with its figures. */
    record Findings(List<CheckResult> checks, AssessmentResult assessment, List<SectionResult> sections,
                    List<ExcludedSchool> excluded, List<VariationResult> variation) {
    }

    /** The default view's findings: passed checks as code and verdict, sections with their unmet indicators only. */
    record CompactFindings(List<Object> checks, AssessmentResult assessment, List<CompactSection> sections,
                           List<ExcludedSchool> excluded, List<VariationResult> variation) {
    }

    /** The assessment's figures that failed; the rest are in the full view. */
    private static AssessmentResult failedDetails(AssessmentResult assessment) {
        if (assessment == null) {
            return null;
        }
        return new AssessmentResult(assessment.totalScore(), assessment.maxScore(), assessment.grade(),
                assessment.gradeRule(), assessment.vetoes(),
                assessment.details().stream().filter(d -> d.verdict() == Verdict.FAILED).toList());
    }

    /**
     * A section of the compact view: its verdict and counts, its reason where it misses an indicator (a section that
     * meets all says nothing more than its counts), and only the indicators it does not meet.
     */
    public record CompactSection(String schoolId, String schoolName, Stage stage, int students, boolean passed,
                                 int metCount, int checked, @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
                                 List<UnmetIndicator> indicators) {

        static CompactSection of(SectionResult s) {
            List<UnmetIndicator> unmet = s.indicators().stream().filter(i -> !i.met())
                    .map(i -> new UnmetIndicator(i.code(), i.value(), i.threshold(), i.comparator(), i.shortfall(),
                            i.unit()))
                    .toList();
            return new CompactSection(s.schoolId(), s.schoolName(), s.stage(), s.students(), s.passed(),
                    s.metCount(), s.checked(), unmet.isEmpty() ? null : s.reason(), unmet);
        }
    }

    public record UnmetIndicator(String code, BigDecimal value, BigDecimal threshold, String comparator,
                                 BigDecimal shortfall, String unit) {
    }

    /** The class-B total and grade, the vetoes that apply, and every measure checked for the class-A indicators. */
    public record AssessmentResult(BigDecimal totalScore, BigDecimal maxScore, String grade, RuleOrigin gradeRule,
                                   List<VetoResult> vetoes, List<CheckResult> details) {
    }

    public record VetoResult(String code, String name, String source, RuleOrigin rule) {
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
}
