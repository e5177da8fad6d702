package cn.supervision.compliance.targets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.compliance.checkrows.SubjectTemplate;
import cn.supervision.compliance.report.DataEntryTemplate;
import cn.supervision.compliance.system.JurisdictionNodes;

/**
 * The data-entry template of the {@code district-targets} rule set: a district's figures, its special-education
 * schools, spending years and association activities. A province (its counties' recognition) is sent as JSON.
 */
@Configuration(proxyBeanMethods = false)
class DistrictTargetsTemplateConfig {

    @Bean
    DataEntryTemplate districtTargetsTemplate(DistrictTargetsAssessment assessment, JurisdictionNodes jurisdictions,
                                              ObjectMapper mapper) {
        return new SubjectTemplate(assessment.ruleSet(), DistrictSubject.class, jurisdictions, mapper);
    }
}
