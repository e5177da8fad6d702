package cn.supervision.compliance.evaluation;

import java.util.List;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import cn.supervision.compliance.evaluation.targets.CheckScope;
import cn.supervision.compliance.evaluation.targets.Reach;
import cn.supervision.compliance.facts.DistrictSubject;
import cn.supervision.compliance.facts.ProvinceSubject;
import cn.supervision.compliance.facts.TargetObservations;
import cn.supervision.compliance.ruleset.CompiledRuleSet;

/**
 * Evaluates a district (D01–D07, and a jurisdiction's own rows such as Daxing's D09) or a province (D08) under the
 * {@code district-targets} rule set (INDICATORS.md §3). A subject with a {@code provinceCode} is a province.
 */
@Component
class DistrictTargetsAssessment implements SubjectEvaluator, IndicatorListing {

    /** The levels the rows of the district-target tables name in their 评估对象 column. */
    private static final String DISTRICT = "district";
    private static final String PROVINCE = "province";

    private final SubjectReader reader;

    DistrictTargetsAssessment(SubjectReader reader) {
        this.reader = reader;
    }

    @Override
    public String ruleSet() {
        return "district-targets";
    }

    @Override
    public List<String> dataItems() {
        return TargetObservations.DATA_ITEMS;
    }

    @Override
    public EvaluationResult evaluate(CompiledRuleSet rules, String jurisdiction, JsonNode subject) {
        if (subject.has("provinceCode")) {
            ProvinceSubject province = reader.read(subject, ProvinceSubject.class, TargetObservations::problems);
            TargetSession.Outcomes outcomes = TargetSession.run(rules,
                    CheckScope.evaluating(PROVINCE, jurisdiction, province.year()), Reach.notASchool(),
                    TargetObservations.of(province, "subject."));
            return TargetResults.assemble(rules, jurisdiction, EvaluationResult.Subject.province(
                    province.provinceCode(), province.provinceName(), province.year()), outcomes);
        }
        DistrictSubject district = reader.read(subject, DistrictSubject.class, TargetObservations::problems);
        TargetSession.Outcomes outcomes = TargetSession.run(rules,
                CheckScope.evaluating(DISTRICT, jurisdiction, district.year()), Reach.notASchool(),
                TargetObservations.of(district, "subject."));
        return TargetResults.assemble(rules, jurisdiction, EvaluationResult.Subject.district(
                district.districtCode(), district.districtName(), district.year()), outcomes);
    }

    @Override
    public RuleSetIndicators indicators(CompiledRuleSet rules) {
        return TargetResults.listing(rules);
    }
}
