package cn.supervision.compliance.evaluation;

import java.util.List;

import org.apache.commons.math3.fraction.BigFraction;

import cn.supervision.compliance.facts.SectionInScope;
import cn.supervision.compliance.facts.Stage;
import cn.supervision.compliance.statistics.Fractions;

/** The verdict on one school section under its jurisdiction's school rule. */
public record SectionVerdict(String schoolId, Stage stage, int checked, int metCount,
                             boolean withinTolerance, boolean passed, String rule) {

    public static SectionVerdict judge(SectionInScope section, List<Finding> findings, SchoolPassRule passRule,
                                       String rule) {
        BigFraction floor = Fractions.of(passRule.toleranceFloor());
        int met = (int) findings.stream().filter(Finding::met).count();
        boolean withinTolerance = findings.stream()
                .filter(Finding::failed)
                .allMatch(f -> f.attainment().compareTo(floor) >= 0);
        boolean passed = met >= passRule.minimumMet() && withinTolerance;
        // the verdict cites the 参数 row that set the school rule, not the DRL rule that applied it (issue 21)
        return new SectionVerdict(section.schoolId(), section.stage(), findings.size(), met, withinTolerance, passed,
                passRule.rule());
    }
}
