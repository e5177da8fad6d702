package cn.supervision.compliance.balanced;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import cn.supervision.compliance.evaluation.EvaluationResult;
import cn.supervision.compliance.evaluation.ResultViews;
import cn.supervision.compliance.evaluation.SubjectEvaluator;
import cn.supervision.compliance.evaluation.SubjectReader;
import cn.supervision.compliance.ruleset.CompiledRuleSet;

/** Evaluates a county under the {@code balanced-development} rule set (INDICATORS.md §1). */
@Component
public class CountyAssessment implements SubjectEvaluator<CountySubject, CountyOutcome> {

    private static final String RULE_SET = "balanced-development";
    private final SubjectReader reader;

    public CountyAssessment(SubjectReader reader) {
        this.reader = reader;
    }

    @Override
    public ResultViews.PartTypes answerParts() {
        return CountyBody.PARTS;
    }

    @Override
    public String ruleSet() {
        return RULE_SET;
    }

    @Override
    public CountySubject validate(JsonNode subject) {
        return reader.read(subject, CountySubject.class, CountySubjectChecks::problems);
    }

    @Override
    public CountyOutcome session(CompiledRuleSet rules, String jurisdiction, CountySubject county) {
        return CountySession.run(rules, jurisdiction, county);
    }

    @Override
    public EvaluationResult assemble(CompiledRuleSet rules, String jurisdiction, CountySubject county,
                                     CountyOutcome outcome) {
        return CountyResultAssembler.assemble(rules, jurisdiction, county, outcome);
    }
}
