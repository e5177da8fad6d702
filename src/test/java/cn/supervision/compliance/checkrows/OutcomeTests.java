package cn.supervision.compliance.checkrows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

import cn.supervision.compliance.evaluation.EvaluationResult.Verdict;
import cn.supervision.compliance.facts.Observation;

/** The verdict of one row on given figures, without a rule base: the precedence of the verdicts. */
class OutcomeTests {

    private static final CheckScope IN_2026 = CheckScope.evaluating("school", "national", 2026);
    private static final Reach GRADES_1_TO_6 = new Reach(Set.of(1, 2, 3, 4, 5, 6), "小学");

    private static Standard.Draft row(String field, String requirement) {
        return Standard.draft("检查项_10").code("C99").named("测试").reading(field).setBy("national").requiring(requirement);
    }

    private static Observation periods(int grade, long value) {
        return Observation.of("pePeriods", new BigFraction(value), "subject.grades[" + (grade - 1) + "].pePeriods")
                .forGrade(grade);
    }

    @Test
    void aRowReadingAFigureTheSubjectDoesNotCarryIsNotAssessedNotSilentlySkipped() {
        Outcome outcome = Outcome.judge(row("pePeriod", "≥5").source("测试"), IN_2026, GRADES_1_TO_6,
                List.of(periods(1, 5)), "检查判定");
        assertThat(outcome.verdict()).isEqualTo(Verdict.NOT_ASSESSED);
        assertThat(outcome.note()).contains("pePeriod");
    }

    @Test
    void notYetInForceComesBeforeAMissingFigureAndStillShowsTheValue() {
        Standard later = row("pePeriods", "≥5").inForceFrom("2027").source("测试");
        Outcome outcome = Outcome.judge(later, IN_2026, GRADES_1_TO_6, List.of(periods(1, 4)), "检查判定");
        assertThat(outcome.verdict()).isEqualTo(Verdict.NOT_YET_IN_FORCE);
        assertThat(outcome.value()).isEqualTo(new BigFraction(4));
        assertThat(outcome.failing()).isEmpty();
    }

    @Test
    void onlyTheRowsGradesCountAndTheWorstValueIsReported() {
        Standard grades3To4 = row("pePeriods", "≥5").grades("3-4").source("测试");
        Outcome outcome = Outcome.judge(grades3To4, IN_2026, GRADES_1_TO_6,
                List.of(periods(1, 1), periods(3, 5), periods(4, 3), periods(5, 2)), "检查判定");
        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(outcome.failing()).containsExactly("4");
        assertThat(outcome.value()).isEqualTo(new BigFraction(3));
    }

    @Test
    void aShareExactlyAtItsFloorPasses() {
        Standard share = row("countyRecognised", "≥30%").basis("占比").source("测试");
        List<Observation> counties = List.of(county("a", 1), county("b", 0), county("c", 0), county("d", 1),
                county("e", 0), county("f", 0), county("g", 0), county("h", 0), county("i", 1), county("j", 0));
        Outcome outcome = Outcome.judge(share, IN_2026, Reach.notASchool(), counties, "检查判定");
        assertThat(outcome.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(outcome.value()).isEqualTo(new BigFraction(3, 10));
    }

    private static Observation county(String code, long recognised) {
        return Observation.of("countyRecognised", new BigFraction(recognised), "subject.counties").labelled(code);
    }
}
