package cn.supervision.compliance.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.supervision.compliance.facts.CountySubject;
import cn.supervision.compliance.facts.IndicatorValue;
import cn.supervision.compliance.facts.SchoolInput;
import cn.supervision.compliance.facts.SectionInput;
import cn.supervision.compliance.ruleset.CompiledRuleSet;
import cn.supervision.compliance.statistics.Fractions;

/** Findings → the result integrators read: sections in input order, CVs by stage and indicator, hints, fired rules. */
final class CountyResultAssembler {

    private static final int VALUE_SCALE = 4;

    private CountyResultAssembler() {
    }

    static EvaluationResult assemble(CompiledRuleSet rules, String jurisdiction, CountySubject county,
                                     CountySession.Outcome outcome) {
        Map<String, List<Finding>> findingsBySection = outcome.findings().stream()
                .sorted(Comparator.comparingInt(f -> f.source().order()))
                .collect(Collectors.groupingBy(f -> key(f.schoolId(), f.stage().name())));
        Map<String, SectionVerdict> verdicts = outcome.verdicts().stream()
                .collect(Collectors.toMap(v -> key(v.schoolId(), v.stage().name()), Function.identity()));
        Map<String, String> names = new HashMap<>();
        outcome.findings().forEach(f -> names.putIfAbsent(key(f.stage().name(), f.indicator()), f.name()));

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
        List<EvaluationResult.VariationResult> variation = outcome.variations().stream()
                .sorted(Comparator.comparing((VariationCheck v) -> v.stage()).thenComparing(VariationCheck::indicator))
                .map(v -> new EvaluationResult.VariationResult(v.stage(), v.indicator(),
                        names.get(key(v.stage().name(), v.indicator())), v.variation().statistics().count(), v.cv(),
                        v.limit().comparator().symbol(), v.limit().threshold(), v.applicable(), v.passed(),
                        rules.origin(v.rule())))
                .toList();
        List<EvaluationResult.ExcludedSchool> excluded = county.schools().stream()
                .flatMap(s -> outcome.exclusions().stream().filter(e -> e.schoolId().equals(s.id())).limit(1))
                .map(e -> new EvaluationResult.ExcludedSchool(e.schoolId(), e.reason(), rules.origin(e.rule())))
                .toList();
        List<EvaluationResult.Hint> hints = hints(rules, county, outcome.remedies());
        boolean passed = sections.stream().allMatch(EvaluationResult.SectionResult::passed)
                && variation.stream().noneMatch(v -> Boolean.FALSE.equals(v.passed()));
        EvaluationResult.Summary summary = new EvaluationResult.Summary(sections.size(),
                (int) sections.stream().filter(EvaluationResult.SectionResult::passed).count(), excluded.size(),
                (int) variation.stream().filter(v -> Boolean.FALSE.equals(v.passed())).count(),
                (int) variation.stream().filter(v -> !v.applicable()).count(), hints.size());
        return new EvaluationResult(null, rules.name(), jurisdiction, rules.version(),
                EvaluationResult.Subject.county(county.countyCode(), county.countyName(), county.year()), passed,
                Instant.now(), summary, sections, excluded, variation, List.of(),
                outcome.firedRules().stream().map(rules::origin).toList(), hints);
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

    /** Section hints first, in school order, then county-level (CV) hints by stage. */
    private static List<EvaluationResult.Hint> hints(CompiledRuleSet rules, CountySubject county, List<Remedy> remedies) {
        Map<String, Integer> schoolOrder = new HashMap<>();
        for (int i = 0; i < county.schools().size(); i++) {
            schoolOrder.put(county.schools().get(i).id(), i);
        }
        return remedies.stream()
                .sorted(Comparator.comparing((Remedy r) -> schoolOrder.getOrDefault(r.subject(), Integer.MAX_VALUE))
                        .thenComparing(Remedy::stage).thenComparing(Remedy::indicator))
                .map(r -> new EvaluationResult.Hint(r.indicator(), r.subject(), r.stage(), r.shortfall(), r.unit(),
                        r.measures(), r.departments(), r.office(), r.source(), rules.origin(r.rule())))
                .toList();
    }

    private static String key(String a, String b) {
        return a + "\u0000" + b;
    }
}
