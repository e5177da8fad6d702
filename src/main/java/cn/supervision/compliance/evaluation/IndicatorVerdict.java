package cn.supervision.compliance.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.math3.fraction.BigFraction;

import cn.supervision.compliance.evaluation.EvaluationResult.Verdict;
import cn.supervision.compliance.statistics.Fractions;

/**
 * The county-level verdict on one indicator of the assessment, with the subjects that fail it (schools, stages) or,
 * for a class-B indicator, its score against its points.
 */
public record IndicatorVerdict(IndicatorDefinition definition, Verdict verdict, List<String> failing,
                               List<MeasureCheck> measures, BigDecimal score, BigDecimal floor, String rule) {

    public String code() {
        return definition.code();
    }

    public String category() {
        return definition.category();
    }

    public boolean failed() {
        return verdict == Verdict.FAILED;
    }

    /** A class-A indicator or prerequisite judged from its measures: any failure fails it; any gap leaves it not assessed. */
    public static IndicatorVerdict ofMeasures(IndicatorDefinition definition, List<MeasureCheck> checks, String rule) {
        List<MeasureCheck> sorted = checks.stream().sorted(Comparator.comparingInt(c -> c.measure().order())).toList();
        List<String> failing = sorted.stream().filter(MeasureCheck::failed).map(IndicatorVerdict::where).toList();
        Verdict verdict;
        if (!failing.isEmpty()) {
            verdict = Verdict.FAILED;
        } else if (sorted.isEmpty() || sorted.stream().anyMatch(c -> c.verdict() == Verdict.NOT_ASSESSED)) {
            verdict = Verdict.NOT_ASSESSED;
        } else {
            verdict = Verdict.PASSED;
        }
        return new IndicatorVerdict(definition, verdict, failing, sorted, null, null, rule);
    }

    /**
     * R1–R7 at county level: failed when a stage's CV exceeds its limit, or when a section that fails the school rule
     * has this indicator unmet (under seed 004's all-7 rule, any unmet section).
     */
    public static IndicatorVerdict ofResource(IndicatorDefinition definition, List<Finding> findings,
                                              List<SectionVerdict> sections, List<VariationCheck> variations,
                                              String rule) {
        Set<String> failingSections = new LinkedHashSet<>();
        sections.stream().filter(s -> !s.passed()).forEach(s -> failingSections.add(s.schoolId() + "\u0000" + s.stage()));
        List<String> failing = new ArrayList<>();
        findings.stream()
                .filter(Finding::failed)
                .filter(f -> failingSections.contains(f.schoolId() + "\u0000" + f.stage()))
                .sorted(Comparator.comparingInt(f -> f.source().order()))
                .forEach(f -> failing.add(f.schoolId() + "（" + f.stage().label() + "）"));
        variations.stream().filter(VariationCheck::failed)
                .forEach(v -> failing.add(v.stage().label() + "差异系数 " + v.cv().toPlainString()));
        Verdict verdict = !failing.isEmpty() ? Verdict.FAILED : findings.isEmpty() ? Verdict.NOT_ASSESSED : Verdict.PASSED;
        return new IndicatorVerdict(definition, verdict, failing, List.of(), null, null, rule);
    }

    /** A class-B indicator: the sum of the team's sub-item scores against the floor share of its points. */
    public static IndicatorVerdict ofScores(IndicatorDefinition definition, List<SubItemScore> scores,
                                            ScoringRule scoring, String rule) {
        BigDecimal floor = definition.points().multiply(scoring.floor());
        if (scores.isEmpty()) {
            return new IndicatorVerdict(definition, Verdict.NOT_ASSESSED, List.of(), List.of(), null, floor, rule);
        }
        BigFraction total = BigFraction.ZERO;
        for (SubItemScore s : scores) {
            total = total.add(Fractions.of(s.score()));
        }
        BigDecimal score = Fractions.rounded(total, 2);
        Verdict verdict = total.compareTo(Fractions.of(floor)) >= 0 ? Verdict.PASSED : Verdict.FAILED;
        return new IndicatorVerdict(definition, verdict, List.of(), List.of(), score, floor, rule);
    }

    private static String where(MeasureCheck check) {
        String stage = check.measure().stageName() == null ? "" : "（" + check.measure().stageName() + "）";
        return check.measure().subject() + stage + "：" + check.name();
    }
}
