package cn.supervision.compliance.curriculum;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import cn.supervision.compliance.evaluation.EvaluationResult;
import cn.supervision.compliance.evaluation.SubjectReader;
import cn.supervision.compliance.checkrows.CheckRowEvaluator;
import cn.supervision.compliance.checkrows.CheckSubject;
import cn.supervision.compliance.checkrows.Reach;

/** Evaluates a school under the {@code curriculum} rule set (INDICATORS.md §2, C01–C14). */
@Component
public class CurriculumAssessment extends CheckRowEvaluator {

    private static final String RULE_SET = "curriculum";
    /** The level the rows of the curriculum tables name in their 评估对象 column. */
    private static final String LEVEL = "school";

    private final SubjectReader reader;

    public CurriculumAssessment(SubjectReader reader) {
        this.reader = reader;
    }

    @Override
    public String ruleSet() {
        return RULE_SET;
    }

    @Override
    public CheckSubject validate(JsonNode subject) {
        CurriculumSubject school = reader.read(subject, CurriculumSubject.class, CurriculumObservations::problems);
        Set<Integer> grades = school.grades().stream().map(CurriculumSubject.Grade::grade).collect(Collectors.toSet());
        return new CheckSubject(LEVEL, school.year(), new Reach(grades, school.type().label()),
                CurriculumObservations.of(school, "subject."),
                EvaluationResult.Subject.school(school.schoolId(), school.schoolName(), school.year()));
    }
}
