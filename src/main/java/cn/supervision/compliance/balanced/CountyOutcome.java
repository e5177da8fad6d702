package cn.supervision.compliance.balanced;

import java.util.List;

import cn.supervision.compliance.evaluation.Decision;
import cn.supervision.compliance.evaluation.Finding;
import cn.supervision.compliance.evaluation.Grade;
import cn.supervision.compliance.evaluation.IndicatorVerdict;
import cn.supervision.compliance.evaluation.JurisdictionChain;
import cn.supervision.compliance.evaluation.MeasureCheck;
import cn.supervision.compliance.evaluation.Remedy;
import cn.supervision.compliance.evaluation.SectionVerdict;
import cn.supervision.compliance.evaluation.VariationCheck;
import cn.supervision.compliance.evaluation.Veto;
import cn.supervision.compliance.evaluation.Exclusion;

/** What the session of one county leaves: every fact the rows and DRL inserted, and the rules that fired. */
public record CountyOutcome(JurisdictionChain chain, List<Exclusion> exclusions, List<Finding> findings, List<SectionVerdict> verdicts,
                   List<VariationCheck> variations, List<Remedy> remedies, List<IndicatorVerdict> indicators,
                   List<MeasureCheck> measureChecks, List<Veto> vetoes, Grade grade, Decision decision,
                   List<String> firedRules) {
}
