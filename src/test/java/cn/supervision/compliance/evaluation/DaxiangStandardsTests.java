package cn.supervision.compliance.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.supervision.compliance.evaluation.EvaluationResult.CheckResult;
import cn.supervision.compliance.evaluation.EvaluationResult.Verdict;

/**
 * Daxiang's own figures (INDICATORS.md §3.2) on the shipped workbooks: its public-funding standard of 720 / 940 yuan
 * replaces the national 600 / 800 for a Daxiang county only, and its living subsidies for poor students (G25) bind
 * Daxiang only.
 */
class DaxiangStandardsTests {

    /** The G10 public-funding checks of a school section, e.g. {@code S1}. */
    private static List<CheckResult> funding(EvaluationResult result, String school) {
        return CountyResults.county(result).assessment().details().stream()
                .filter(c -> c.code().equals("G10") && c.name().contains("生均公用经费") && c.subject().startsWith(school))
                .toList();
    }

    private static void s1Funding(ObjectNode subject, String yuan) {
        ObjectNode section = (ObjectNode) subject.get("schools").get(0).get("sections").get(0);
        if (yuan == null) {
            section.remove("publicFundingYuan");
        } else {
            section.put("publicFundingYuan", new java.math.BigDecimal(yuan));
        }
    }

    @ParameterizedTest
    @CsvSource({
            // 城东小学 (S1), 640 pupils: 720 yuan each is 460800
            "daxiang,  460800,    PASSED,       720",
            "daxiang,  460799.99, FAILED,       720",
            "national, 460799.99, PASSED,       600",
            "hunan,    460799.99, PASSED,       600",
            "shaoyang, 383999.99, FAILED,       600",
            "daxiang,  ,          NOT_ASSESSED, 720"})
    void daxiangsPublicFundingStandardReplacesTheNationalOneForDaxiangOnly(String jurisdiction, String yuan,
                                                                           Verdict verdict, String threshold)
            throws IOException {
        EvaluationResult result = CountyAssessmentTests.evaluate(jurisdiction, s -> s1Funding(s, yuan));
        assertThat(funding(result, "S1")).singleElement().satisfies(check -> {
            assertThat(check.verdict()).isEqualTo(verdict);
            assertThat(check.threshold()).isEqualByComparingTo(threshold);
        });
    }

    private static void v1Funding(ObjectNode subject, String yuan) {
        ((ObjectNode) subject.get("schools").get(4).get("sections").get(0)).put("publicFundingYuan", new java.math.BigDecimal(yuan));
    }

    /** Seed 004 第14项 with 第10项推进措施3: a Daxiang village school under 100 pupils is funded as 100 × 720 yuan. */
    @ParameterizedTest
    @CsvSource({
            "daxiang,  72000,    PASSED, 72000",
            "daxiang,  71999.99, FAILED, 72000",
            "national, 60000,    PASSED, 60000",
            "hunan,    59999.99, FAILED, 60000"})
    void aSmallVillageSchoolInDaxiangIsFundedAsOneHundredPupilsAtDaxiangsOwnStandard(String jurisdiction, String yuan,
                                                                                     Verdict verdict, String threshold)
            throws IOException {
        EvaluationResult result = CountyAssessmentTests.evaluate(jurisdiction, s -> v1Funding(s, yuan));
        assertThat(CountyResults.county(result).assessment().details()).filteredOn(c -> c.code().equals("G14")).singleElement()
                .satisfies(check -> {
                    assertThat(check.verdict()).isEqualTo(verdict);
                    assertThat(check.threshold()).isEqualByComparingTo(threshold);
                });
    }

    private static void subsidies(ObjectNode subject, double primaryBoarder) {
        CountyAssessmentTests.assessment(subject).putObject("livingSubsidiesYuan").put("primaryBoarder", primaryBoarder)
                .put("primaryDay", 625).put("juniorBoarder", 1500).put("juniorDay", 750);
    }

    @Test
    void livingSubsidiesForPoorStudentsAreDaxiangsOwnIndicator() throws IOException {
        EvaluationResult at = CountyAssessmentTests.evaluate("daxiang", s -> subsidies(s, 1250));
        assertThat(CountyAssessmentTests.check(at, "G25").verdict()).isEqualTo(Verdict.PASSED);
        assertThat(CountyResults.county(at).assessment().details()).filteredOn(c -> c.code().equals("G25")).hasSize(4);

        EvaluationResult below = CountyAssessmentTests.evaluate("daxiang", s -> subsidies(s, 1249.99));
        assertThat(CountyAssessmentTests.check(below, "G25").verdict()).isEqualTo(Verdict.FAILED);
        assertThat(CountyResults.county(below).decision().reasons()).anyMatch(r -> r.contains("G25"));
        assertThat(below.hints()).anyMatch(h -> h.indicator().equals("G25") && h.departments().contains("区教育局"));

        EvaluationResult missing = CountyAssessmentTests.evaluate("daxiang", s -> { });
        assertThat(CountyAssessmentTests.check(missing, "G25").verdict()).isEqualTo(Verdict.NOT_ASSESSED);

        EvaluationResult national = CountyAssessmentTests.evaluate("national", s -> subsidies(s, 1249.99));
        assertThat(national.checks()).extracting(CheckResult::code).doesNotContain("G25");
        assertThat(CountyResults.county(national).decision().outcome()).isEqualTo("RECOGNISED");
    }
}
