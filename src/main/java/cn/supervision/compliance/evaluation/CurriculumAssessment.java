package cn.supervision.compliance.evaluation;

import java.util.List;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import cn.supervision.compliance.evaluation.targets.CheckScope;
import cn.supervision.compliance.evaluation.targets.Reach;
import cn.supervision.compliance.facts.CurriculumObservations;
import cn.supervision.compliance.facts.CurriculumSubject;
import cn.supervision.compliance.ruleset.CompiledRuleSet;

/** Evaluates a school under the {@code curriculum} rule set (INDICATORS.md §2, C01–C13). */
@Component
class CurriculumAssessment implements SubjectEvaluator, IndicatorListing {

    /** The level the rows of the curriculum tables name in their 评估对象 column. */
    private static final String LEVEL = "school";

    private final SubjectReader reader;

    CurriculumAssessment(SubjectReader reader) {
        this.reader = reader;
    }

    @Override
    public String ruleSet() {
        return "curriculum";
    }

    @Override
    public List<String> dataItems() {
        return CurriculumObservations.DATA_ITEMS;
    }

    @Override
    public EvaluationResult evaluate(CompiledRuleSet rules, String jurisdiction, JsonNode subject) {
        CurriculumSubject school = reader.read(subject, CurriculumSubject.class, CurriculumObservations::problems);
        Set<Integer> grades = school.grades().stream().map(CurriculumSubject.Grade::grade).collect(Collectors.toSet());
        TargetSession.Outcomes outcomes = TargetSession.run(rules,
                CheckScope.evaluating(LEVEL, jurisdiction, school.year()), new Reach(grades, school.type().label()),
                CurriculumObservations.of(school, "subject."));
        return TargetResults.assemble(rules, jurisdiction,
                EvaluationResult.Subject.school(school.schoolId(), school.schoolName(), school.year()), outcomes);
    }

    @Override
    public RuleSetIndicators indicators(CompiledRuleSet rules) {
        return TargetResults.listing(rules);
    }
}
