package cn.supervision.compliance.curriculum;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.compliance.evaluation.FieldTestCases;

/** The 测试用例 sheet of the {@code school} workbook, run field by field on a candidate rule base. */
@Component
class CurriculumTestCases extends FieldTestCases {

    CurriculumTestCases(CurriculumAssessment evaluator, ObjectMapper mapper) {
        super(evaluator, mapper);
    }
}
