package cn.supervision.compliance.balanced;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import cn.supervision.compliance.evaluation.Exclusion;
import cn.supervision.compliance.evaluation.Headlines;
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
        Names names = Names.of(county);
        List<CountyBody.SectionResult> sections = sections(rules, county, outcome);
        List<CountyBody.VariationResult> variation = variation(rules, outcome);
        List<CountyBody.ExcludedSchool> excluded = county.schools().stream()
                .flatMap(s -> outcome.exclusions().stream().filter(e -> e.schoolId().equals(s.id())).limit(1))
                .map(e -> excluded(rules, names, e))
                .toList();
        AssessmentScope scope = county.effectiveScope();
        boolean full = scope == AssessmentScope.FULL_ASSESSMENT;
        // checks of an assessment that was not requested are left out, not listed as not assessed (issue 21)
        List<CheckResult> checks = outcome.indicators().stream()
                .sorted(Comparator.comparingInt(v -> v.definition().catalogueRow()))
                .filter(v -> full || v.verdict() != Verdict.NOT_ASSESSED)
                .map(v -> check(rules, names, v, outcome.measureChecks(), sections, variation))
                .toList();
        List<EvaluationResult.Hint> hints = hints(rules, county, names, outcome.remedies());
        // a resource-only request is judged as a resource-allocation assessment: the 36-indicator decision and grade
        // were not asked for, so they are reported as not requested, never as 不予认定 (issue 15)
        Decision decision = full ? outcome.decision() : null;
        boolean sectionsAndVariationPass = sections.stream().allMatch(CountyBody.SectionResult::passed)
                && variation.stream().noneMatch(v -> Boolean.FALSE.equals(v.passed()));
        boolean passed = sectionsAndVariationPass
                && (decision == null || decision.outcome() != Decision.Outcome.NOT_RECOGNISED);
        Grade grade = full ? outcome.grade() : null;
        String gradeLabel = grade != null && grade.assessed() ? grade.band().label() : null;
        EvaluationResult.Subject subject = EvaluationResult.Subject.county(county.countyCode(), county.countyName(),
                county.year());
        CountyBody draft = new CountyBody(scope.name(), null, gradeLabel, checks,
                full ? assessment(rules, names, outcome) : null, sections, excluded, variation);
        EvaluationResult.DecisionResult decisionResult = full
                ? (decision == null ? null : new EvaluationResult.DecisionResult(decision.outcome().name(),
                        decision.outcome().label(), decision.reasons(), rules.origin(decision.rule())))
                : new EvaluationResult.DecisionResult(NOT_REQUESTED, Texts.of("result.decision.not-requested"),
                        resourceReasons(sections, variation), null);
        EvaluationResult.Summary summary = summary(county, sections, excluded, variation, checks, hints, full,
                decision, grade, passed, decisionResult.reasons());
        return new EvaluationResult(null, rules.name(), jurisdiction, outcome.chain().rootFirst(), rules.version(),
                subject, passed, Instant.now().truncatedTo(ChronoUnit.MILLIS), summary,
                outcome.firedRules().stream().map(rules::origin).toList(),
                hints, new CountyBody(scope.name(), decisionResult, gradeLabel, checks,
                        draft.assessment(), sections, excluded, variation));
    }

    /** Why a resource-allocation assessment fails: each failing section (达标 2/7 项), then each CV over its limit. */
    private static List<String> resourceReasons(List<CountyBody.SectionResult> sections,
                                                List<CountyBody.VariationResult> variation) {
        List<String> reasons = new ArrayList<>();
        sections.stream().filter(s -> !s.passed()).forEach(s -> reasons.add(s.reason()));
        variation.stream().filter(v -> Boolean.FALSE.equals(v.passed()))
                .forEach(v -> reasons.add(Texts.of("result.reason.variation", v.stage().label(), v.indicator(),
                        v.name(), v.cv().toPlainString(), v.comparator(), v.limit().toPlainString())));
        return List.copyOf(reasons);
    }

    private static CountyBody.ExcludedSchool excluded(CompiledRuleSet rules, Names names, Exclusion e) {
        String name = names.school(e.schoolId());
        String why = Texts.orElse("result.excluded.reason." + e.reason(), "result.excluded.reason.other");
        return new CountyBody.ExcludedSchool(e.schoolId(), name, e.reason(),
                Texts.of("result.excluded", names.named(e.schoolId()), why), rules.origin(e.rule()));
    }

    /** The names the request gave its schools, to stand beside their ids in sentences and hints. */
    record Names(Map<String, String> schools) {

        static Names of(CountySubject county) {
            Map<String, String> names = new HashMap<>();
            county.schools().forEach(s -> {
                if (s.name() != null && !s.name().isBlank()) {
                    names.putIfAbsent(s.id(), s.name());
                }
            });
            return new Names(names);
        }

        String school(String id) {
            return id == null ? null : schools.get(id);
        }

        /** 檀江乡中心小学（S4，小学）, or S4（小学） when the request named no school. */
        static String at(String name, String id, String stage) {
            return name == null || name.isBlank() ? Texts.of("result.unnamed.stage", id, stage)
                    : Texts.of("result.named.stage", name, id, stage);
        }

        /** 檀江乡中心小学（S4）, or the id alone when the request named no school. */
        String named(String id) {
            String name = school(id);
            return name == null ? id : Texts.of("result.named", name, id);
        }
    }

    private static List<CountyBody.SectionResult> sections(CompiledRuleSet rules, CountySubject county,
                                                                 CountyOutcome outcome) {
        Map<String, List<Finding>> findingsBySection = outcome.findings().stream()
                .sorted(Comparator.comparingInt(f -> f.source().order()))
                .collect(Collectors.groupingBy(f -> key(f.schoolId(), f.stage().name())));
        Map<String, SectionVerdict> verdicts = outcome.verdicts().stream()
                .collect(Collectors.toMap(v -> key(v.schoolId(), v.stage().name()), Function.identity()));
        List<CountyBody.SectionResult> sections = new ArrayList<>();
        for (SchoolInput school : county.schools()) {
            for (SectionInput section : school.sections()) {
                SectionVerdict verdict = verdicts.get(key(school.id(), section.stage().name()));
                if (verdict == null) {
                    continue;
                }
                List<CountyBody.IndicatorResult> indicators = findingsBySection
                        .getOrDefault(key(school.id(), section.stage().name()), List.of()).stream()
                        .map(f -> indicator(rules, f)).toList();
                sections.add(new CountyBody.SectionResult(school.id(), school.name(), section.stage(),
                        section.students(), verdict.passed(), verdict.metCount(), verdict.checked(),
                        sectionReason(school, section, verdict, indicators), verdict.withinTolerance(),
                        rules.origin(verdict.rule()), indicators));
            }
        }
        return sections;
    }

    private static List<CountyBody.VariationResult> variation(CompiledRuleSet rules, CountyOutcome outcome) {
        Map<String, String> names = new HashMap<>();
        outcome.findings().forEach(f -> names.putIfAbsent(key(f.stage().name(), f.indicator()), f.name()));
        return outcome.variations().stream()
                .sorted(Comparator.comparing((VariationCheck v) -> v.stage()).thenComparing(VariationCheck::indicator))
                .map(v -> new CountyBody.VariationResult(v.stage(), v.indicator(),
                        names.get(key(v.stage().name(), v.indicator())), v.variation().statistics().count(), v.cv(),
                        v.limit().comparator().symbol(), v.limit().threshold(), v.applicable(), v.passed(),
                        rules.origin(v.rule())))
                .toList();
    }

    private static CountyBody.IndicatorResult indicator(CompiledRuleSet rules, Finding f) {
        return new CountyBody.IndicatorResult(f.indicator(), f.name(), Fractions.rounded(f.source().value(), VALUE_SCALE),
                f.requirement().comparator().symbol(), f.requirement().threshold(), f.met(),
                Fractions.rounded(f.attainment(), VALUE_SCALE), f.shortfall(), f.unit(), derivation(f.source()),
                rules.origin(f.rule()));
    }

    private static CountyBody.Derivation derivation(IndicatorValue value) {
        return new CountyBody.Derivation(value.field(), Fractions.rounded(value.raw(), VALUE_SCALE), value.split(),
                value.students(), value.perStudents());
    }

    /** 檀江乡中心小学（S4）小学 达标 2/7 项，未达标：R1、R2…; a passing section says whether a miss was tolerated. */
    private static String sectionReason(SchoolInput school, SectionInput section, SectionVerdict verdict,
                                        List<CountyBody.IndicatorResult> indicators) {
        String named = school.name() == null || school.name().isBlank() ? school.id()
                : Texts.of("result.named", school.name(), school.id());
        String unmet = indicators.stream().filter(i -> !i.met()).map(i -> i.code() + " " + i.name())
                .collect(Collectors.joining(Texts.of("result.separator")));
        String key = !verdict.passed() ? "result.section.failed"
                : unmet.isEmpty() ? "result.section.passed" : "result.section.tolerated";
        return Texts.of(key, named, section.stage().label(), verdict.metCount(), verdict.checked(), unmet);
    }

    /**
     * One check per indicator of the catalogue; a single county-level measure shows its value beside the verdict, a
     * class-B indicator shows the data checks of its sub-items (G08 sub-item 2) beside the team's score, and R1–R7 show
     * how many sections meet them against how many were assessed.
     */
    private static CheckResult check(CompiledRuleSet rules, Names names, IndicatorVerdict v,
                                     List<MeasureCheck> measures, List<CountyBody.SectionResult> sections,
                                     List<CountyBody.VariationResult> variation) {
        IndicatorDefinition d = v.definition();
        String reason = checkReason(names, v);
        if (!d.mustPass()) {
            String separator = Texts.of("result.separator");
            String dataChecks = measures.stream().filter(m -> m.indicator().equals(d.code()))
                    .map(m -> Texts.of("result.check.data", m.name(), m.measure().basis(), m.requirement().toString(),
                            Texts.of("trace.verdict." + m.verdict().name())))
                    .collect(Collectors.joining(separator));
            return CheckResult.scored(d.code(), d.name(), d.category(), d.dimension(), v.verdict(), reason,
                    v.score(), d.points(), v.floor(), dataChecks.isEmpty() ? null : dataChecks,
                    rules.origin(v.rule()));
        }
        if (d.resourceAllocation()) {
            return resourceCheck(rules, d, v, reason, sections, variation);
        }
        MeasureCheck only = v.measures().size() == 1 ? v.measures().get(0) : null;
        return new CheckResult(d.code(), d.name(), d.category(), d.dimension(), null, null, v.verdict(), reason,
                only == null ? null : value(only), only == null ? null : only.requirement().comparator().symbol(),
                only == null ? null : only.requirement().threshold(),
                only == null ? null : only.name() + " " + only.requirement(), only == null ? null : only.unit(), null,
                null, named(names, v.failing()), null, rules.origin(v.rule()));
    }

    /**
     * R1–R7 in the county's checks (INDICATORS.md §1.5, "R1–R7 with their CVs"): the sections that meet the indicator
     * or miss it within their allowance, of all sections assessed, and each stage's CV against its limit.
     */
    private static CheckResult resourceCheck(CompiledRuleSet rules, IndicatorDefinition d, IndicatorVerdict v,
                                             String reason, List<CountyBody.SectionResult> sections,
                                             List<CountyBody.VariationResult> variation) {
        List<String> failing = new ArrayList<>();
        int meeting = 0;
        for (CountyBody.SectionResult section : sections) {
            boolean met = section.indicators().stream().filter(i -> i.code().equals(d.code()))
                    .allMatch(CountyBody.IndicatorResult::met);
            if (met || section.passed()) {
                meeting++;
            } else {
                failing.add(Names.at(section.schoolName(), section.schoolId(), section.stage().label()));
            }
        }
        String cvs = variation.stream().filter(x -> x.indicator().equals(d.code()) && x.applicable())
                .map(x -> Texts.of("result.check.cv", x.stage().label(), x.cv().toPlainString(), x.comparator(),
                        x.limit().toPlainString()))
                .collect(Collectors.joining(Texts.of("result.separator")));
        variation.stream().filter(x -> x.indicator().equals(d.code()) && Boolean.FALSE.equals(x.passed()))
                .forEach(x -> failing.add(Texts.of("result.check.cv", x.stage().label(), x.cv().toPlainString(),
                        x.comparator(), x.limit().toPlainString())));
        return new CheckResult(d.code(), d.name(), d.category(), d.dimension(), null, null, v.verdict(), reason,
                BigDecimal.valueOf(meeting), "=", BigDecimal.valueOf(sections.size()),
                Texts.of("result.check.resource-requirement"), Texts.of("result.check.sections-unit"), null, null,
                List.copyOf(failing), cvs.isEmpty() ? null : cvs, rules.origin(v.rule()));
    }

    /** The verdict of an indicator as a sentence: what it is, and why it failed or could not be assessed. */
    private static String checkReason(Names names, IndicatorVerdict v) {
        IndicatorDefinition d = v.definition();
        return switch (v.verdict()) {
            case FAILED -> v.score() != null
                    ? Texts.of("result.reason.score-below-floor", d.code(), d.name(), v.score().toPlainString(),
                            v.floor().stripTrailingZeros().toPlainString())
                    : Texts.of("result.check.failed", d.code(), d.name(), v.failing().isEmpty() ? ""
                            : Texts.of("result.reason.failing", String.join(Texts.of("result.separator"),
                                    named(names, v.failing()))));
            case NOT_ASSESSED -> Texts.of("result.reason.not-assessed", d.code(), d.name());
            default -> Texts.of("result.check.verdict", d.code(), d.name(), v.verdict().label());
        };
    }

    /** What fails, with school names beside their ids where the request gave them. */
    private static List<String> named(Names names, List<String> failing) {
        return failing.stream().map(f -> {
            int bracket = f.indexOf('（');
            int closing = f.indexOf('）');
            String id = bracket < 0 ? f : f.substring(0, bracket);
            String name = names.school(id);
            if (name == null) {
                return f;
            }
            return bracket < 0 || closing < bracket ? Texts.of("result.named", name, id) + f.substring(id.length())
                    : Names.at(name, id, f.substring(bracket + 1, closing)) + f.substring(closing + 1);
        }).toList();
    }

    private static CheckResult detail(CompiledRuleSet rules, Names names, MeasureCheck c) {
        String stage = c.measure().stageName() == null ? "" : "（" + c.measure().stageName() + "）";
        String reason = Texts.of("result.check.data", c.name(), c.measure().basis(), c.requirement().toString(),
                Texts.of("trace.verdict." + c.verdict().name()));
        return new CheckResult(c.indicator(), c.name(), null, null, c.measure().subject() + stage,
                names.school(c.measure().subject()), c.verdict(), reason, value(c),
                c.requirement().comparator().symbol(), c.requirement().threshold(), c.requirement().toString(),
                c.unit(), null, null, List.of(), c.measure().basis(), rules.origin(c.rule()));
    }

    private static BigDecimal value(MeasureCheck check) {
        return check.measure().value() == null ? null : Fractions.rounded(check.measure().value(), VALUE_SCALE);
    }

    private static CountyBody.AssessmentResult assessment(CompiledRuleSet rules, Names names,
                                                                CountyOutcome outcome) {
        Grade grade = outcome.grade();
        List<CountyBody.VetoResult> vetoes = outcome.vetoes().stream()
                .sorted(Comparator.comparing(Veto::code))
                .map(v -> new CountyBody.VetoResult(v.code(), v.name(), v.source(), rules.origin(v.rule())))
                .toList();
        List<CheckResult> details = outcome.measureChecks().stream()
                .sorted(Comparator.comparingInt(c -> c.measure().order()))
                .map(c -> detail(rules, names, c))
                .toList();
        return new CountyBody.AssessmentResult(grade == null ? null : grade.total(),
                grade == null ? null : grade.maximum(),
                grade != null && grade.assessed() ? grade.band().label() : null,
                grade == null ? null : rules.origin(grade.rule()), vetoes, details);
    }

    /**
     * The counts and the headline: of the recognition (decision, grade, indicators) for the whole assessment, of the
     * schools (sections) that meet the standards and the CVs over their limit for a resource-allocation assessment.
     */
    private static EvaluationResult.Summary summary(CountySubject county, List<CountyBody.SectionResult> sections,
                                                    List<CountyBody.ExcludedSchool> excluded,
                                                    List<CountyBody.VariationResult> variation,
                                                    List<CheckResult> checks, List<EvaluationResult.Hint> hints,
                                                    boolean full, Decision decision, Grade grade, boolean passed,
                                                    List<String> reasons) {
        int passedSections = (int) sections.stream().filter(CountyBody.SectionResult::passed).count();
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
        headline = Texts.of(passed ? "result.headline.passed" : "result.headline.failed", headline,
                Headlines.why(reasons));
        return new EvaluationResult.Summary(headline, sections.size(), passedSections, excluded.size(),
                variationsFailed, (int) variation.stream().filter(v -> !v.applicable()).count(), checksPassed,
                checksFailed, checksNotAssessed, count(checks, Verdict.NOT_APPLICABLE),
                count(checks, Verdict.NOT_YET_IN_FORCE), hints.size());
    }

    private static int count(List<CheckResult> checks, Verdict verdict) {
        return (int) checks.stream().filter(c -> c.verdict() == verdict).count();
    }

    /** Section hints first, in school order, then county-level hints (CVs, county indicators). */
    private static List<EvaluationResult.Hint> hints(CompiledRuleSet rules, CountySubject county, Names names,
                                                     List<Remedy> remedies) {
        Map<String, Integer> schoolOrder = new HashMap<>();
        for (int i = 0; i < county.schools().size(); i++) {
            schoolOrder.put(county.schools().get(i).id(), i);
        }
        return remedies.stream()
                .sorted(Comparator.comparing((Remedy r) -> schoolOrder.getOrDefault(r.subject(), Integer.MAX_VALUE))
                        .thenComparing(r -> r.stage() == null ? "" : r.stage().name())
                        .thenComparing(Remedy::indicator))
                .map(r -> new EvaluationResult.Hint(r.indicator(), r.subject(),
                        schoolOrder.containsKey(r.subject()) ? names.school(r.subject()) : county.countyName(),
                        r.stage(), r.shortfall(), r.unit(), r.measures(), r.departments(), r.office(), r.source(),
                        rules.origin(r.rule()), null, null))
                .toList();
    }

    private static String key(String a, String b) {
        return a + "\u0000" + b;
    }
}
