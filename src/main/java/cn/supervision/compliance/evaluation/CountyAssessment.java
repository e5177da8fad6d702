package cn.supervision.compliance.evaluation;

import java.util.List;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import cn.supervision.compliance.facts.CountyMeasures;
import cn.supervision.compliance.facts.CountySubject;
import cn.supervision.compliance.facts.CountySubjectChecks;
import cn.supervision.compliance.ruleset.CompiledRuleSet;

/** Evaluates a county under the {@code balanced-development} rule set (INDICATORS.md §1). */
@Component
class CountyAssessment implements SubjectEvaluator {

    private final SubjectReader reader;

    CountyAssessment(SubjectReader reader) {
        this.reader = reader;
    }

    @Override
    public String ruleSet() {
        return "balanced-development";
    }

    @Override
    public List<String> dataItems() {
        return CountyMeasures.DATA_ITEMS;
    }

    @Override
    public EvaluationResult evaluate(CompiledRuleSet rules, String jurisdiction, JsonNode subject) {
        CountySubject county = reader.read(subject, CountySubject.class, CountySubjectChecks::problems);
        CountySession.Outcome outcome = CountySession.run(rules, jurisdiction, county);
        return CountyResultAssembler.assemble(rules, jurisdiction, county, outcome);
    }
}
