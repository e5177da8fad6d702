package cn.supervision.compliance.targets;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.compliance.evaluation.FieldTestCases;

/** The 测试用例 sheet of the {@code district-targets} workbook, run field by field on a candidate rule base. */
@Component
class DistrictTargetsTestCases extends FieldTestCases {

    DistrictTargetsTestCases(DistrictTargetsAssessment evaluator, ObjectMapper mapper) {
        super(evaluator, mapper);
    }
}
