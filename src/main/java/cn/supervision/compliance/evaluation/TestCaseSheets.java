package cn.supervision.compliance.evaluation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.compliance.ruleset.WorkbookTestCases;

/** The 测试用例 sheets of the rule sets whose result is a list of checks, read field by field. */
@Configuration(proxyBeanMethods = false)
class TestCaseSheets {

    @Bean
    WorkbookTestCases curriculumTestCases(CurriculumAssessment curriculum, ObjectMapper mapper) {
        return new FieldTestCases(curriculum, mapper);
    }

    @Bean
    WorkbookTestCases districtTargetsTestCases(DistrictTargetsAssessment targets, ObjectMapper mapper) {
        return new FieldTestCases(targets, mapper);
    }
}
