package cn.supervision.compliance.curriculum;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.compliance.checkrows.SubjectTemplate;
import cn.supervision.compliance.report.DataEntryTemplate;
import cn.supervision.compliance.system.JurisdictionNodes;

/** The data-entry template of the {@code curriculum} rule set: a school's figures and its grades. */
@Configuration(proxyBeanMethods = false)
class CurriculumTemplateConfig {

    @Bean
    DataEntryTemplate curriculumTemplate(CurriculumAssessment assessment, JurisdictionNodes jurisdictions,
                                         ObjectMapper mapper) {
        return new SubjectTemplate(assessment.ruleSet(), CurriculumSubject.class, jurisdictions, mapper);
    }
}
