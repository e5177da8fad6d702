package cn.supervision.compliance.evaluation;

import static cn.supervision.compliance.evaluation.TargetChecks.sampleSubject;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.supervision.compliance.ruleset.ShippedRuleSets;

class DistrictTargetsRulesTests {

    private static EvaluationResult evaluate(ObjectNode subject, String jurisdiction) {
        return new DistrictTargetsAssessment(TargetChecks.READER).evaluate(ShippedRuleSets.districtTargets(), jurisdiction, subject);
    }

    @Test
    void samples() {
        for (var r : new EvaluationResult[]{evaluate(sampleSubject("district-daxing.json"), "daxing"), evaluate(sampleSubject("province-zhejiang.json"), "zhejiang")}) {
            r.checks().forEach(c -> System.out.println(c.code() + " " + c.subject() + " " + c.verdict() + " " + c.value() + " " + c.comparator() + c.threshold() + " " + c.failing() + " " + c.note()));
            r.hints().forEach(System.out::println);
            assertThat(r.checks()).isNotEmpty();
        }
        System.out.println(TargetResults.listing(ShippedRuleSets.districtTargets()));
    }
}
