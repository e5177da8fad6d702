package cn.supervision.compliance.targets;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import cn.supervision.compliance.evaluation.EvaluationResult;
import cn.supervision.compliance.evaluation.SubjectReader;
import cn.supervision.compliance.checkrows.CheckRowEvaluator;
import cn.supervision.compliance.checkrows.CheckSubject;
import cn.supervision.compliance.checkrows.Reach;

/**
 * Evaluates a district (D01–D07, and a jurisdiction's own rows such as Daxing's D09) or a province (D08) under the
 * {@code district-targets} rule set (INDICATORS.md §3). A subject with a {@code provinceCode} is a province.
 */
@Component
public class DistrictTargetsAssessment extends CheckRowEvaluator {

    private static final String RULE_SET = "district-targets";
    /** The levels the rows of the district-target tables name in their 评估对象 column. */
    private static final String DISTRICT = "district";
    private static final String PROVINCE = "province";

    private final SubjectReader reader;

    public DistrictTargetsAssessment(SubjectReader reader) {
        this.reader = reader;
    }

    @Override
    public String ruleSet() {
        return RULE_SET;
    }

    @Override
    public CheckSubject validate(JsonNode subject) {
        if (subject.has("provinceCode")) {
            ProvinceSubject province = reader.read(subject, ProvinceSubject.class, TargetObservations::problems);
            return new CheckSubject(PROVINCE, province.year(), Reach.notASchool(),
                    TargetObservations.of(province, "subject."), EvaluationResult.Subject.province(
                    province.provinceCode(), province.provinceName(), province.year()));
        }
        DistrictSubject district = reader.read(subject, DistrictSubject.class, TargetObservations::problems);
        return new CheckSubject(DISTRICT, district.year(), Reach.notASchool(),
                TargetObservations.of(district, "subject."), EvaluationResult.Subject.district(
                district.districtCode(), district.districtName(), district.year()));
    }
}
