package cn.supervision.compliance.evaluation;

import static cn.supervision.compliance.evaluation.TargetChecks.check;
import static cn.supervision.compliance.evaluation.TargetChecks.sampleSubject;
import static cn.supervision.compliance.evaluation.TargetChecks.verdict;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.supervision.compliance.evaluation.EvaluationResult.Verdict;
import cn.supervision.compliance.ruleset.ShippedRuleSets;

/** The curriculum rule set (C01–C13) built from the shipped workbook, on the shipped sample school and variants of it. */
class CurriculumRulesTests {

    private static EvaluationResult evaluate(ObjectNode school) {
        return evaluate(school, "national");
    }

    private static EvaluationResult evaluate(ObjectNode school, String jurisdiction) {
        return new CurriculumAssessment(TargetChecks.READER).evaluate(ShippedRuleSets.curriculum(), jurisdiction, school);
    }

    @Test
    void theSampleSchool() {
        EvaluationResult result = evaluate(sampleSubject("school-curriculum.json"));
        result.checks().forEach(c -> System.out.println(c.code() + " " + c.subject() + " " + c.verdict() + " " + c.value() + " " + c.comparator() + c.threshold() + " " + c.failing() + " " + c.note()));
        result.hints().forEach(System.out::println);
        assertThat(result.passed()).isFalse();
        assertThat(verdict(result, "C09", "7-9年级")).isEqualTo(Verdict.FAILED);
    }
}
