package cn.supervision.compliance.evaluation;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

import cn.supervision.compliance.evaluation.EvaluationResult.Verdict;

/**
 * The class-B grade: the highest band whose lower bound the total reaches, provided every class-B indicator reaches
 * its floor; otherwise the lowest band (seed 004: "在单项二级指标得分不低于80%的基础上…按照分数定等").
 * Not assessed (null band) while any class-B indicator has no scores.
 */
public record Grade(GradeBand band, BigDecimal total, BigDecimal maximum, String rule) {

    public static Grade of(List<IndicatorVerdict> scored, List<GradeBand> bands, String rule) {
        BigDecimal maximum = scored.stream().map(v -> v.definition().points()).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (scored.isEmpty() || bands.isEmpty() || scored.stream().anyMatch(v -> v.verdict() == Verdict.NOT_ASSESSED)) {
            return new Grade(null, null, maximum, rule);
        }
        BigDecimal total = scored.stream().map(IndicatorVerdict::score).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<GradeBand> ascending = bands.stream().sorted(Comparator.comparing(GradeBand::minimum)).toList();
        GradeBand band = ascending.get(0);
        if (scored.stream().noneMatch(v -> v.verdict() == Verdict.FAILED)) {
            for (GradeBand candidate : ascending) {
                if (total.compareTo(candidate.minimum()) >= 0) {
                    band = candidate;
                }
            }
        }
        return new Grade(band, total, maximum, rule);
    }

    public boolean assessed() {
        return band != null;
    }
}
