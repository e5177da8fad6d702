package cn.supervision.compliance.balanced;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.supervision.compliance.evaluation.EvaluationResult.CheckResult;
import cn.supervision.compliance.evaluation.EvaluationResult.Verdict;
import cn.supervision.compliance.balanced.CountySubject;
import cn.supervision.compliance.facts.IndicatorValue;
import cn.supervision.compliance.balanced.SchoolInput;
import cn.supervision.compliance.balanced.SectionInput;
import cn.supervision.compliance.ruleset.CompiledRuleSet;
import cn.supervision.compliance.statistics.Fractions;
import cn.supervision.compliance.text.Texts;
import cn.supervision.compliance.evaluation.Decision;
import cn.supervision.compliance.evaluation.EvaluationResult;
import cn.supervision.compliance.evaluation.Finding;
import cn.supervision.compliance.evaluation.Grade;
import cn.supervision.compliance.evaluation.IndicatorDefinition;
import cn.supervision.compliance.evaluation.IndicatorVerdict;
import cn.supervision.compliance.evaluation.MeasureCheck;
import cn.supervision.compliance.evaluation.Remedy;
import cn.supervision.compliance.evaluation.SectionVerdict;
import cn.supervision.compliance.evaluation.VariationCheck;
import cn.supervision.compliance.evaluation.Veto;

/**
 * Findings → the result integrators read: the decision and grade first, the 36 indicators as checks, then the
 * resource-allocation sections in input order, CVs, hints and fired rules.
 */
final class CountyResultAssembler {

    private static final int VALUE_SCALE = 4;
    /** The decision's outcome when only resource allocation was assessed (the recognition was not asked for). */
    static final String NOT_REQUESTED = "NOT_REQUESTED";

    private CountyResultAssembler() {
    }

    static EvaluationResult assemble(CompiledRuleSet rules, String jurisdiction, CountySubject county,
                                     CountyOutcome outcome) {
        List<EvaluationResult.SectionResult> sections = sections(rules, county, outcome);
        List<EvaluationResult.VariationResult> variation = variation(rules, outcome);
        List<EvaluationResult.ExcludedSchool> excluded = county.schools().stream()
                .flatMap(s -> outcome.exclusions().stream().filter(e -> e.schoolId().equals(s.id())).limit(1))
                .map(e -> new EvaluationResult.ExcludedSchool(e.schoolId(), e.reason(), rules.origin(e.rule())))
                .toList();
        List<CheckResult> checks = outcome.indicators().stream()
                .sorted(Comparator.comparingInt(v -> v.definition().catalogueRow()))
                .map(v -> check(rules, v, outcome.measureChecks()))
                .toList();
        List<EvaluationResult.Hint> hints = hints(rules, county, outcome.remedies());
        AssessmentScope scope = county.effectiveScope();
        boolean full = scope == AssessmentScope.FULL_ASSESSMENT;
        // a resource-only request is judged as a resource-allocation assessment: the 36-indicator decision and grade
        // were not asked for, so they are reported as not requested, never as 不予认定 (issue 15)
        Decision decision = full ? outcome.decision() : null;
        boolean sectionsAndVariationPass = sections.stream().allMatch(EvaluationResult.SectionResult::passed)
                && variation.stream().noneMatch(v -> Boolean.FALSE.equals(v.passed()));
        boolean passed = sectionsAndVariationPass
                && (decision == null || decision.outcome() != Decision.Outcome.NOT_RECOGNISED);
        Grade grade = full ? outcome.grade() : null;
        String gradeLabel = grade != null && grade.assessed() ? grade.band().label() : null;
        EvaluationResult.Summary summary = summary(county, sections, excluded, variation, checks, hints, full,
                decision, grade);
        EvaluationResult.DecisionResult decisionResult = full
                ? (decision == null ? null : new EvaluationResult.DecisionResult(decision.outcome().name(),
                        decision.outcome().label(), decision.reasons(), rules.origin(decision.rule())))
                : new EvaluationResult.DecisionResult(NOT_REQUESTED, Texts.of("result.decision.not-requested"),
                        List.of(), null);
        return new EvaluationResult(null, rules.name(), jurisdiction, outcome.chain().rootFirst(), rules.version(),
                EvaluationResult.Subject.county(county.countyCode(), county.countyName(), county.year()), passed,
                Instant.now(), summary, outcome.firedRules().stream().map(rules::origin).toList(), hints,
                new EvaluationResult.CountyBody(scope.name(), decisionResult, gradeLabel, checks,
                        assessment(rules, outcome), sections, excluded, variation));
    }


    private static List<EvaluationResult.SectionResult> sections(CompiledRuleSet rules, CountySubject county,
                                                                 CountyOutcome outcome) {
        Map<String, List<Finding>> findingsBySection = outcome.findings().stream()
                .sorted(Comparator.comparingInt(f -> f.source().order()))
                .collect(Collectors.groupingBy(f -> key(f.schoolId(), f.stage().name())));
        Map<String, SectionVerdict> verdicts = outcome.verdicts().stream()
                .collect(Collectors.toMap(v -> key(v.schoolId(), v.stage().name()), Function.identity()));
        List<EvaluationResult.SectionResult> sections = new ArrayList<>();
        for (SchoolInput school : county.schools()) {
            for (SectionInput section : school.sections()) {
                SectionVerdict verdict = verdicts.get(key(school.id(), section.stage().name()));
                if (verdict == null) {
                    continue;
                }
                List<EvaluationResult.IndicatorResult> indicators = findingsBySection
                        .getOrDefault(key(school.id(), section.stage().name()), List.of()).stream()
                        .map(f -> indicator(rules, f)).toList();
                sections.add(new EvaluationResult.SectionResult(school.id(), school.name(), section.stage(),
                        section.students(), verdict.passed(), verdict.metCount(), verdict.checked(),
                        verdict.withinTolerance(), rules.origin(verdict.rule()), indicators));
            }
        }
        return sections;
    }

    private static List<EvaluationResult.VariationResult> variation(CompiledRuleSet rules, CountyOutcome outcome) {
        Map<String, String> names = new HashMap<>();
        outcome.findings().forEach(f -> names.putIfAbsent(key(f.stage().name(), f.indicator()), f.name()));
        return outcome.variations().stream()
                .sorted(Comparator.comparing((VariationCheck v) -> v.stage()).thenComparing(VariationCheck::indicator))
                .map(v -> new EvaluationResult.VariationResult(v.stage(), v.indicator(),
                        names.get(key(v.stage().name(), v.indicator())), v.variation().statistics().count(), v.cv(),
                        v.limit().comparator().symbol(), v.limit().threshold(), v.applicable(), v.passed(),
                        rules.origin(v.rule())))
                .toList();
    }

    private static EvaluationResult.IndicatorResult indicator(CompiledRuleSet rules, Finding f) {
        return new EvaluationResult.IndicatorResult(f.indicator(), f.name(), Fractions.rounded(f.source().value(), VALUE_SCALE),
                f.requirement().comparator().symbol(), f.requirement().threshold(), f.met(),
                Fractions.rounded(f.attainment(), VALUE_SCALE), f.shortfall(), f.unit(), derivation(f.source()),
                rules.origin(f.rule()));
    }

    private static EvaluationResult.Derivation derivation(IndicatorValue value) {
        return new EvaluationResult.Derivation(value.field(), Fractions.rounded(value.raw(), VALUE_SCALE), value.split(),
                value.students(), value.perStudents());
    }

    /**
     * One check per indicator of the catalogue; a single county-level measure shows its value beside the verdict, and
     * a class-B indicator shows the data checks of its sub-items (G08 sub-item 2) beside the team's score.
     */
    private static CheckResult check(CompiledRuleSet rules, IndicatorVerdict v, List<MeasureCheck> measures) {
        IndicatorDefinition d = v.definition();
        if (!d.mustPass()) {
            String separator = Texts.of("result.separator");
            String dataChecks = measures.stream().filter(m -> m.indicator().equals(d.code()))
                    .map(m -> Texts.of("result.check.data", m.name(), m.measure().basis(), m.requirement().toString(),
                            Texts.of("trace.verdict." + m.verdict().name())))
                    .collect(Collectors.joining(separator));
            return CheckResult.scored(d.code(), d.name(), d.category(), v.verdict(), v.score(), d.points(), v.floor(),
                    dataChecks.isEmpty() ? d.dimension() : d.dimension() + separator + dataChecks,
                    rules.origin(v.rule()));
        }
        MeasureCheck only = v.measures().size() == 1 ? v.measures().get(0) : null;
        return new CheckResult(d.code(), d.name(), d.category(), null, v.verdict(),
                only == null ? null : value(only), only == null ? null : only.requirement().comparator().symbol(),
                only == null ? null : only.requirement().threshold(),
                only == null ? null : only.name() + " " + only.requirement(), only == null ? null : only.unit(), null,
                null, v.failing(), d.dimension(), rules.origin(v.rule()));
    }

    private static CheckResult detail(CompiledRuleSet rules, MeasureCheck c) {
        return new CheckResult(c.indicator(), c.name(), null, c.measure().subject()
                + (c.measure().stageName() == null ? "" : "（" + c.measure().stageName() + "）"), c.verdict(), value(c),
                c.requirement().comparator().symbol(), c.requirement().threshold(), c.requirement().toString(),
                c.unit(), null, null, List.of(), c.measure().basis(), rules.origin(c.rule()));
    }

    private static BigDecimal value(MeasureCheck check) {
        return check.measure().value() == null ? null : Fractions.rounded(check.measure().value(), VALUE_SCALE);
    }

    private static EvaluationResult.AssessmentResult assessment(CompiledRuleSet rules, CountyOutcome outcome) {
        Grade grade = outcome.grade();
        List<EvaluationResult.VetoResult> vetoes = outcome.vetoes().stream()
                .sorted(Comparator.comparing(Veto::code))
                .map(v -> new EvaluationResult.VetoResult(v.code(), v.name(), v.source(), rules.origin(v.rule())))
                .toList();
        List<CheckResult> details = outcome.measureChecks().stream()
                .sorted(Comparator.comparingInt(c -> c.measure().order()))
                .map(c -> detail(rules, c))
                .toList();
        return new EvaluationResult.AssessmentResult(grade == null ? null : grade.total(),
                grade == null ? null : grade.maximum(),
                grade != null && grade.assessed() ? grade.band().label() : null,
                grade == null ? null : rules.origin(grade.rule()), vetoes, details);
    }

    /**
     * The counts and the headline: of the recognition (decision, grade, indicators) for the whole assessment, of the
     * schools (sections) that meet the standards and the CVs over their limit for a resource-allocation assessment.
     */
    private static EvaluationResult.Summary summary(CountySubject county, List<EvaluationResult.SectionResult> sections,
                                                    List<EvaluationResult.ExcludedSchool> excluded,
                                                    List<EvaluationResult.VariationResult> variation,
                                                    List<CheckResult> checks, List<EvaluationResult.Hint> hints,
                                                    boolean full, Decision decision, Grade grade) {
        int passedSections = (int) sections.stream().filter(EvaluationResult.SectionResult::passed).count();
        int variationsFailed = (int) variation.stream().filter(v -> Boolean.FALSE.equals(v.passed())).count();
        int checksPassed = count(checks, Verdict.PASSED);
        int checksFailed = count(checks, Verdict.FAILED);
        int checksNotAssessed = count(checks, Verdict.NOT_ASSESSED);
        String name = county.countyName() == null ? county.countyCode() : county.countyName();
        String headline;
        if (full) {
            String decided = decision == null ? "" : Texts.of("result.headline.decision", decision.outcome().label());
            String graded = grade == null || !grade.assessed() ? ""
                    : Texts.of("result.headline.grade", grade.total().stripTrailingZeros().toPlainString(),
                            grade.band().label());
            headline = Texts.of("result.headline.assessment", name, county.year(), decided, graded, checksPassed,
                    checksFailed, checksNotAssessed, passedSections, sections.size());
        } else {
            headline = Texts.of("result.headline.resource-allocation", name, county.year(), passedSections,
                    sections.size(), variationsFailed);
        }
        return new EvaluationResult.Summary(headline, sections.size(), passedSections, excluded.size(),
                variationsFailed, (int) variation.stream().filter(v -> !v.applicable()).count(), checksPassed,
                checksFailed, checksNotAssessed, hints.size());
    }

    private static int count(List<CheckResult> checks, Verdict verdict) {
        return (int) checks.stream().filter(c -> c.verdict() == verdict).count();
    }

    /** Section hints first, in school order, then county-level hints (CVs, county indicators). */
    private static List<EvaluationResult.Hint> hints(CompiledRuleSet rules, CountySubject county, List<Remedy> remedies) {
        Map<String, Integer> schoolOrder = new HashMap<>();
        for (int i = 0; i < county.schools().size(); i++) {
            schoolOrder.put(county.schools().get(i).id(), i);
        }
        return remedies.stream()
                .sorted(Comparator.comparing((Remedy r) -> schoolOrder.getOrDefault(r.subject(), Integer.MAX_VALUE))
                        .thenComparing(r -> r.stage() == null ? "" : r.stage().name())
                        .thenComparing(Remedy::indicator))
                .map(r -> new EvaluationResult.Hint(r.indicator(), r.subject(), r.stage(), r.shortfall(), r.unit(),
                        r.measures(), r.departments(), r.office(), r.source(), rules.origin(r.rule())))
                .toList();
    }

    private static String key(String a, String b) {
        return a + "\u0000" + b;
    }
}
